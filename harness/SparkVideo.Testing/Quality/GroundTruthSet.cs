using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Vision.People;

namespace SparkVideo.Testing.Quality;

/// <summary>
/// Composites with exact masks: the person cutouts of samples/quality (RGBA, alpha 0 or 255) pasted over its
/// person-free scenes at a chosen height, 1 to 4 people a frame, plus the scenes alone. Deterministic for a seed.
/// </summary>
public sealed class GroundTruthSet : IDisposable
{
    public const int Width = 640, Height = 480;

    /// <summary>The person heights (share of the frame height) the benchmark scores: full frame to 1/6.</summary>
    public static readonly double[] Heights = [0.95, 0.6, 0.4, 0.25, 0.15];

    private static readonly string[] PeopleNames = ["astronaut", "footballer", "basketball"];
    private static readonly string[] SceneNames =
        ["building", "yellow_building", "street", "desk", "room_books", "coffee", "cat", "rocket"];

    private readonly List<Mat> _people;
    private readonly List<Mat> _scenes;

    public GroundTruthSet()
    {
        var folder = Path.Combine(RepoPaths.Samples, "quality");
        _people = [.. PeopleNames.Select(n => Read(Path.Combine(folder, n + ".png"), ImreadModes.Unchanged))];
        _scenes = [.. SceneNames.Select(n => Read(Path.Combine(folder, n + ".jpg"), ImreadModes.Color))];
    }

    public IReadOnlyList<string> Scenes => SceneNames;

    /// <summary><paramref name="count"/> composites of people <paramref name="height"/> of the frame tall.</summary>
    public IEnumerable<GroundTruthFrame> WithPeople(double height, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var people = height >= 0.9 ? 1 + random.Next(2) : 1 + random.Next(4);
            yield return Compose($"h{height:F2}_{i}", height, i % _scenes.Count, people, random);
        }
    }

    /// <summary>Every scene with nobody in it.</summary>
    public IEnumerable<GroundTruthFrame> Empty() =>
        Enumerable.Range(0, _scenes.Count).Select(i => Compose($"empty_{SceneNames[i]}", 0, i, 0, new Random(i)));

    /// <summary>
    /// A clip of <paramref name="frames"/> frames (10 FPS) in which 1 to 3 people (1 at full height) <paramref name="height"/>
    /// of the frame tall walk sideways across one scene at a walker's pace, turning at the frame's edges; height 0: the
    /// scene with nobody, each frame encoded afresh.
    /// </summary>
    public IEnumerable<GroundTruthFrame> Walking(double height, int frames, int clip)
    {
        var random = new Random(clip * 7919 + (int)(height * 1000));
        var scene = clip % _scenes.Count;
        var walkers = Place(height, height == 0 ? 0 : height >= 0.9 ? 1 : 1 + random.Next(3), random)
            // A walk of about 1.4 m/s for a person 1.7 m tall, at 10 FPS: 8 % of their height a frame.
            .Select(p => (p.Cutout, p.Place, Speed: (random.Next(2) * 2 - 1) * p.Place.Height * (0.06 + 0.04 * random.NextDouble()), X: (double)p.Place.X))
            .ToList();
        for (var f = 0; f < frames; f++)
        {
            yield return Compose($"walk_h{height:F2}_{clip}_{f}", height, scene, walkers.Select(w => (w.Cutout, w.Place with { X = (int)Math.Round(w.X) })));
            for (var i = 0; i < walkers.Count; i++)
            {
                var (cutout, place, speed, x) = walkers[i];
                if (x + speed < 0 || x + speed > Width - place.Width)
                {
                    speed = -speed;
                }
                walkers[i] = (cutout, place, speed, Math.Clamp(x + speed, 0, Width - place.Width));
            }
        }
    }

    private GroundTruthFrame Compose(string name, double height, int scene, int people, Random random) =>
        Compose(name, height, scene, Place(height, people, random));

    /// <summary>Where <paramref name="people"/> cutouts stand: each in their own horizontal slot (they may overlap a little), at a random depth line.</summary>
    private List<(Mat Cutout, Rect Place)> Place(double height, int people, Random random)
    {
        var placed = new List<(Mat, Rect)>();
        var slot = Width / Math.Max(1, people);
        for (var p = 0; p < people; p++)
        {
            var cutout = _people[random.Next(_people.Count)];
            var h = (int)Math.Round(height * Height);
            var w = Math.Min(Width, (int)Math.Round(cutout.Width * h / (double)cutout.Height));
            var x = Math.Clamp(p * slot + random.Next(Math.Max(1, slot - w / 2)) - w / 4, 0, Width - w);
            var y = random.Next(Math.Min(Height / 3, Height - h), Height - h + 1);
            placed.Add((cutout, new Rect(x, y, w, h)));
        }
        return placed;
    }

    private GroundTruthFrame Compose(string name, double height, int scene, IEnumerable<(Mat Cutout, Rect Place)> people)
    {
        using var canvas = _scenes[scene].Clone();
        var truth = new Mat(Height, Width, MatType.CV_8UC1, Scalar.All(0));
        var boxes = new List<PersonBox>();
        foreach (var (cutout, place) in people)
        {
            Paste(cutout, canvas, truth, place);
            boxes.Add(new PersonBox(place.X, place.Y, place.Width, place.Height));
        }
        Cv2.ImEncode(".jpg", canvas, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 90));
        var bgr = Cv2.ImDecode(jpeg, ImreadModes.Color);
        return new GroundTruthFrame(name, height, bgr, truth, boxes);
    }

    private static void Paste(Mat cutout, Mat canvas, Mat truth, Rect place)
    {
        using var scaled = new Mat();
        Cv2.Resize(cutout, scaled, place.Size, 0, 0, InterpolationFlags.Area);
        var channels = scaled.Split();
        try
        {
            using var bgr = new Mat();
            Cv2.Merge(channels[..3], bgr);
            using var alpha = new Mat();
            Cv2.Threshold(channels[3], alpha, 127, 255, ThresholdTypes.Binary);
            using var canvasPlace = new Mat(canvas, place);
            using var truthPlace = new Mat(truth, place);
            bgr.CopyTo(canvasPlace, alpha);
            Cv2.BitwiseOr(truthPlace, alpha, truthPlace);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static Mat Read(string path, ImreadModes mode)
    {
        var image = Cv2.ImRead(path, mode);
        return image.Empty() ? throw new FileNotFoundException($"cannot read {path}") : image;
    }

    public void Dispose()
    {
        foreach (var image in _people.Concat(_scenes))
        {
            image.Dispose();
        }
    }
}
