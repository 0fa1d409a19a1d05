using OpenCvSharp;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.People;

namespace SparkVideo.Vision.Tests;

/// <summary>A photo's thorough search for people (NanoDet on the frame and on 2x2 tiles) on the quality benchmark's composites.</summary>
public sealed class TiledPersonSearchTests : IDisposable
{
    private readonly NanoDetPersonDetector _detector = NanoDetPersonDetector.Load();
    private readonly TiledPersonSearch _search = new();

    [Fact]
    public void Finds_people_a_sixth_of_the_frame_tall_that_the_whole_frame_misses()
    {
        using var set = new GroundTruthSet();
        var (total, whole, tiled) = (0, 0, 0);
        foreach (var frame in set.WithPeople(0.15, 24, seed: 150))
        {
            using (frame)
            {
                var wholeBoxes = _detector.Detect(frame.Bgr);
                var tiledBoxes = _search.Detect(_detector, frame.Bgr);
                total += frame.Boxes.Count;
                whole += frame.Boxes.Count(t => Found(wholeBoxes, t));
                tiled += frame.Boxes.Count(t => Found(tiledBoxes, t));
            }
        }

        // The quality benchmark's frames at this height: 76 % found on the whole frame, 93 % with the tiles.
        Assert.True(tiled >= 0.88 * total && tiled >= whole + 0.1 * total, $"found {tiled} of {total} people with the tiles, {whole} on the whole frame");
    }

    [Theory]
    [InlineData(0.95)]
    [InlineData(0.6)]
    [InlineData(0.0)]
    public void Adds_no_box_where_the_whole_frame_already_sees_everyone(double height)
    {
        using var set = new GroundTruthSet();
        var frames = height == 0 ? set.Empty().ToList() : set.WithPeople(height, 8, seed: (int)(height * 1000)).ToList();
        foreach (var frame in frames)
        {
            using (frame)
            {
                var whole = _detector.Detect(frame.Bgr);
                var tiled = _search.Detect(_detector, frame.Bgr);

                // A tile cuts a near person into parts and shows the background larger: none of that may come back as a box.
                Assert.True(whole.Count == tiled.Count, $"{frame.Name}: {tiled.Count} boxes with the tiles, {whole.Count} on the whole frame");
            }
        }
    }

    [Fact]
    public void Tiles_overlap_and_cover_the_frame_from_edge_to_edge()
    {
        var tiles = _search.TilesOf(new Size(640, 480));

        Assert.Equal([new Rect(0, 0, 352, 264), new Rect(288, 0, 352, 264), new Rect(0, 216, 352, 264), new Rect(288, 216, 352, 264)], tiles);
    }

    private static bool Found(List<PersonBox> boxes, PersonBox truth) =>
        boxes.Any(b => b.Contains(truth.CenterX, truth.CenterY));

    public void Dispose() => _detector.Dispose();
}
