using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>
/// Finds people with MediaPipe's BlazePose detector (models/pose_detection.onnx): the frame letterboxed to 224x224,
/// [-1,1] RGB; each detection's first two keypoints (hip centre, and a point that with it spans the body) give a
/// square box around the whole person, as MediaPipe's pose tracker derives its region of interest. Thread-safe.
/// </summary>
public sealed class PersonDetector : IPersonDetector
{
    public const string FileName = "pose_detection.onnx";

    /// <summary>MediaPipe's scale from the keypoint span to the body box.</summary>
    private const float BodyScale = 1.25f;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;

    private PersonDetector(InferenceSession session)
    {
        _session = session;
        _inputName = session.InputMetadata.Keys.Single();
        // The boxes ([1,2254,12]) and the scores ([1,2254,1]), told apart by their last dimension.
        _outputNames = [.. session.OutputMetadata.OrderByDescending(o => o.Value.Dimensions[^1]).Select(o => o.Key)];
    }

    /// <summary>A detection's score (after the sigmoid) must reach this to count.</summary>
    public float MinScore { get; init; } = 0.5f;

    public static PersonDetector Load(string? path = null, int intraOpThreads = 0) =>
        new(DetectorSession.Open(path, FileName, intraOpThreads));

    /// <summary>The people in a BGR frame, as boxes in its pixels, after non-maximum suppression.</summary>
    public List<PersonBox> Detect(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        const int size = PoseDetectorAnchors.InputSize;
        var scale = size / (float)Math.Max(bgrFrame.Width, bgrFrame.Height);
        var w = (int)Math.Round(bgrFrame.Width * scale);
        var h = (int)Math.Round(bgrFrame.Height * scale);
        var padX = (size - w) / 2;
        var padY = (size - h) / 2;
        var input = new float[size * size * 3];
        using (var resized = new Mat())
        {
            Cv2.Resize(bgrFrame, resized, new Size(w, h), 0, 0, InterpolationFlags.Area);
            Array.Fill(input, -1f);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var p = resized.At<Vec3b>(y, x);
                    var i = ((y + padY) * size + x + padX) * 3;
                    input[i] = p.Item2 / 127.5f - 1;
                    input[i + 1] = p.Item1 / 127.5f - 1;
                    input[i + 2] = p.Item0 / 127.5f - 1;
                }
            }
        }
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, size, size, 3]);
        // Held to the end of the run: a RunOptions the GC finalizes while ONNX Runtime still reads it crashes the process.
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [inputValue], _outputNames);
        var raw = outputs[0].GetTensorDataAsSpan<float>();
        var scores = outputs[1].GetTensorDataAsSpan<float>();

        var found = new List<PersonBox>();
        var anchors = PoseDetectorAnchors.Centers;
        for (var a = 0; a < anchors.Length; a++)
        {
            var score = 1 / (1 + MathF.Exp(-Math.Clamp(scores[a], -100f, 100f)));
            if (score < MinScore)
            {
                continue;
            }
            var r = raw.Slice(a * 12, 12);
            var hipX = r[4] / size + anchors[a].X;
            var hipY = r[5] / size + anchors[a].Y;
            var topX = r[6] / size + anchors[a].X;
            var topY = r[7] / size + anchors[a].Y;
            var side = 2 * BodyScale * MathF.Sqrt((topX - hipX) * (topX - hipX) + (topY - hipY) * (topY - hipY)) * size / scale;
            var centerX = (hipX * size - padX) / scale;
            var centerY = (hipY * size - padY) / scale;
            found.Add(new PersonBox(centerX - side / 2, centerY - side / 2, side, side, score));
        }
        return Suppress(found);
    }

    /// <summary>
    /// <see cref="Detect"/> on the whole frame and on its two square halves (left and right, overlapping), which the
    /// detector sees 1.33x larger in a 640x480 frame, so people further away are found; boxes merged by suppression.
    /// </summary>
    public List<PersonBox> DetectWithTiles(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        var all = Detect(bgrFrame);
        var side = Math.Min(bgrFrame.Width, bgrFrame.Height);
        if (bgrFrame.Width > side)
        {
            foreach (var x in new[] { 0, bgrFrame.Width - side })
            {
                using var tile = new Mat(bgrFrame, new Rect(x, 0, side, side));
                all.AddRange(Detect(tile).Select(b => b with { X = b.X + x }));
            }
        }
        return Suppress(all);
    }

    private static List<PersonBox> Suppress(List<PersonBox> boxes) => BoxSuppression.Suppress(boxes, maxIou: 0.3f);

    public void Dispose() => _session.Dispose();
}
