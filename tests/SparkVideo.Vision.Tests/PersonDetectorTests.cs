using OpenCvSharp;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.People;

namespace SparkVideo.Vision.Tests;

/// <summary>The converted BlazePose detector (models/pose_detection.onnx) on real pictures.</summary>
public sealed class PersonDetectorTests : IDisposable
{
    private readonly PersonDetector _detector = PersonDetector.Load();

    [Fact]
    public void Finds_the_one_person_in_the_astronaut_photo_around_her()
    {
        using var photo = Cv2.ImRead(TestFiles.Photo("astronaut.jpg"));

        var people = _detector.Detect(photo);

        var person = Assert.Single(people);
        Assert.InRange(person.CenterX, photo.Width * 0.3, photo.Width * 0.7);
        Assert.True(person.Height > photo.Height * 0.5, $"box {person} is too small for a person filling the photo");
    }

    [Fact]
    public void Finds_nobody_in_the_scenes_with_nobody()
    {
        using var set = new GroundTruthSet();
        foreach (var frame in set.Empty())
        {
            using (frame)
            {
                Assert.True(_detector.Detect(frame.Bgr).Count == 0, $"{frame.Name}: a person found where there is none");
            }
        }
    }

    public void Dispose() => _detector.Dispose();
}
