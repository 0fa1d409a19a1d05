using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.People;

namespace SparkVideo.Vision.Tests;

/// <summary>The default person detector (NanoDet, models/person_detection.onnx) on real pictures.</summary>
public sealed class NanoDetPersonDetectorTests : IDisposable
{
    private readonly NanoDetPersonDetector _detector = NanoDetPersonDetector.Load();

    [Fact]
    public void Finds_the_six_people_of_the_readme_street_frame_each_about_a_sixth_of_the_frame_tall()
    {
        using var frame = StreetFrame(60);

        var people = _detector.Detect(frame);

        // Frame 60 of the sample video, looked at: a group of three by the sign, two walkers (red jacket, black coat)
        // and a man on the right. Low-scored boxes on a cone and a stone come too; their crops keep next to nothing.
        bool Found(int x, int y) => people.Any(p => p.Contains(x, y));
        Assert.True(Found(400, 200) && Found(428, 200) && Found(520, 235), string.Join("; ", people));
        Assert.True(people.Count(p => p.CenterX is > 295 and < 350 && p.CenterY is > 140 and < 215) >= 3, string.Join("; ", people));
        Assert.All(people, p => Assert.True(p.Height < 120, $"{p} is taller than anyone in the frame"));
    }

    [Fact]
    public void Finds_the_one_person_filling_the_astronaut_photo()
    {
        using var photo = Cv2.ImRead(TestFiles.Photo("astronaut.jpg"));

        var person = _detector.Detect(photo).MaxBy(p => p.Score);

        Assert.True(person.Height > photo.Height * 0.7 && person.Score > 0.5, $"box {person} is not the person filling the photo");
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.4)]
    [InlineData(0.15)]
    public void Puts_each_box_on_its_person_not_half_a_cell_up_and_left(double height)
    {
        using var set = new GroundTruthSet();
        var (ious, dx, dy) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var frame in set.WithPeople(height, 8, seed: (int)(height * 1000)))
        {
            using (frame)
            {
                var found = _detector.Detect(frame.Bgr);
                foreach (var truth in frame.Boxes)
                {
                    var best = found.MaxBy(b => b.Iou(truth));
                    if (best.Iou(truth) > 0.3)
                    {
                        ious.Add(best.Iou(truth));
                        dx.Add(best.CenterX - truth.CenterX);
                        dy.Add(best.CenterY - truth.CenterY);
                    }
                }
            }
        }

        // Read from the cell's corner instead of its centre, the boxes were 5-25 px up and left (IoU 0.58-0.73).
        var summary = $"{ious.Count} matched, box IoU {ious.Average():0.00}, centre offset {dx.Average():0.0}, {dy.Average():0.0} px";
        Assert.True(ious.Count >= 8 && ious.Average() >= 0.78, summary);
        Assert.True(Math.Abs(dx.Average()) <= 8 && Math.Abs(dy.Average()) <= 8, summary);
    }

    [Fact]
    public void Is_never_sure_of_a_person_in_the_scenes_with_nobody()
    {
        using var set = new GroundTruthSet();
        foreach (var frame in set.Empty())
        {
            using (frame)
            {
                var found = _detector.Detect(frame.Bgr);
                Assert.True(found.All(p => p.Score < 0.5), $"{frame.Name}: {string.Join("; ", found)}");
            }
        }
    }

    internal static Mat StreetFrame(int index)
    {
        using var capture = new VideoCapture(RepoPaths.PeopleWalkingVideo);
        var frame = new Mat();
        for (var i = 0; i <= index; i++)
        {
            Assert.True(capture.Read(frame), $"the sample video has no frame {i}");
        }
        return frame;
    }

    public void Dispose() => _detector.Dispose();
}
