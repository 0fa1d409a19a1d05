using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>
/// Finds whole people, near or far, with NanoDet (COCO's 80 classes, of which only "person" is read;
/// models/person_detection.onnx): the frame stretched to the model's input size, BGR normalized by NanoDet's mean and deviation; three
/// heads (strides 8, 16, 32) give each cell a class score and, per side, a distribution over 0..10 strides whose
/// expectation is the distance from the cell's centre to that side of the box. Thread-safe.
/// </summary>
public sealed class NanoDetPersonDetector : IPersonDetector
{
    public const string FileName = "person_detection.onnx";
    private const int Bins = 11;
    private const int PersonClass = 0;
    private static readonly float[] Mean = [103.53f, 116.28f, 123.675f];
    private static readonly float[] Deviation = [57.375f, 57.12f, 58.395f];

    private readonly InferenceSession _session;
    private readonly ConcurrentBag<float[]> _inputs = [];
    private readonly string _inputName;
    private readonly int _inputWidth, _inputHeight;
    private readonly string[] _outputNames;

    private NanoDetPersonDetector(InferenceSession session)
    {
        _session = session;
        var input = session.InputMetadata.Single();
        _inputName = input.Key;
        (_inputHeight, _inputWidth) = (input.Value.Dimensions[2], input.Value.Dimensions[3]); // NCHW
        _outputNames = [.. session.OutputMetadata.Keys];
    }

    /// <summary>A detection's person score must reach this to count (and be the cell's best class).</summary>
    public float MinScore { get; init; } = DefaultMinScore;

    /// <summary>Chosen by the quality benchmark (docs/quality.md): lower finds more people far away and more false ones.</summary>
    public const float DefaultMinScore = 0.25f;

    /// <summary>Boxes overlapping a better one by more than this are dropped.</summary>
    public float MaxOverlap { get; init; } = 0.5f;

    public static NanoDetPersonDetector Load(string? path = null, int intraOpThreads = 0) =>
        new(DetectorSession.Open(path, FileName, intraOpThreads));

    public List<PersonBox> Detect(Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(bgrFrame);
        // One input buffer per concurrent caller, kept: a 384x288 input is 1.3 MB, a large-object allocation per detection.
        var input = _inputs.TryTake(out var kept) ? kept : new float[3 * _inputWidth * _inputHeight];
        try
        {
            return DetectWith(bgrFrame, input);
        }
        finally
        {
            _inputs.Add(input);
        }
    }

    private List<PersonBox> DetectWith(Mat bgrFrame, float[] input)
    {
        using (var resized = new Mat())
        {
            Cv2.Resize(bgrFrame, resized, new Size(_inputWidth, _inputHeight), 0, 0, InterpolationFlags.Linear);
            Normalize(resized, input);
        }
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 3, _inputHeight, _inputWidth]);
        // Held to the end of the run: a RunOptions the GC finalizes while ONNX Runtime still reads it crashes the process.
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [inputValue], _outputNames);
        var scaleX = bgrFrame.Width / (float)_inputWidth;
        var scaleY = bgrFrame.Height / (float)_inputHeight;
        var found = new List<PersonBox>();
        // Each stride has two outputs [1, cells, C]: the class scores and the four sides' distributions (C = 44).
        var heads = outputs.Select(o => (Value: o, Shape: o.GetTensorTypeAndShape().Shape)).ToList();
        foreach (var scoresHead in heads.Where(h => h.Shape[2] != 4 * Bins))
        {
            var cells = scoresHead.Shape[1];
            var distributionsHead = heads.Single(h => h.Shape[2] == 4 * Bins && h.Shape[1] == cells);
            var stride = (int)Math.Round(Math.Sqrt(_inputWidth * (double)_inputHeight / cells));
            var columns = _inputWidth / stride;
            var classes = (int)scoresHead.Shape[2];
            var scores = scoresHead.Value.GetTensorDataAsSpan<float>();
            var distributions = distributionsHead.Value.GetTensorDataAsSpan<float>();
            for (var cell = 0; cell < cells; cell++)
            {
                var classScores = scores.Slice(cell * classes, classes);
                var score = classScores[PersonClass];
                // A cell that scores another class higher (a cat's face filling the frame) is not a person.
                if (score < MinScore || !IsBest(classScores, PersonClass))
                {
                    continue;
                }
                // The distances are measured from the cell's centre, half a stride in from its corner: read from the
                // corner, every box sat 5-25 px up and left of the person (box IoU with the true boxes 0.58-0.73, now 0.80-0.87).
                var centerX = ((cell % columns) + 0.5f) * stride;
                var centerY = ((cell / columns) + 0.5f) * stride;
                var sides = distributions.Slice(cell * 4 * Bins, 4 * Bins);
                var left = centerX - ExpectedBin(sides[..Bins]) * stride;
                var top = centerY - ExpectedBin(sides.Slice(Bins, Bins)) * stride;
                var right = centerX + ExpectedBin(sides.Slice(2 * Bins, Bins)) * stride;
                var bottom = centerY + ExpectedBin(sides.Slice(3 * Bins, Bins)) * stride;
                found.Add(new PersonBox(left * scaleX, top * scaleY, (right - left) * scaleX, (bottom - top) * scaleY, score));
            }
        }
        return BoxSuppression.Suppress(found, MaxOverlap);
    }

    /// <summary>A continuous BGR image at the model's size → the NCHW input, each channel by NanoDet's mean and deviation.</summary>
    private void Normalize(Mat bgr, float[] chw)
    {
        var pixels = bgr.AsSpan<byte>();
        var plane = _inputWidth * _inputHeight;
        for (var i = 0; i < plane; i++)
        {
            chw[i] = (pixels[3 * i] - Mean[0]) / Deviation[0];
            chw[plane + i] = (pixels[(3 * i) + 1] - Mean[1]) / Deviation[1];
            chw[(2 * plane) + i] = (pixels[(3 * i) + 2] - Mean[2]) / Deviation[2];
        }
    }

    private static bool IsBest(ReadOnlySpan<float> scores, int index)
    {
        foreach (var score in scores)
        {
            if (score > scores[index])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The expectation of a softmax over the bins 0..10.</summary>
    private static float ExpectedBin(ReadOnlySpan<float> logits)
    {
        var max = float.MinValue;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }
        float sum = 0, weighted = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = MathF.Exp(logits[i] - max);
            sum += e;
            weighted += e * i;
        }
        return weighted / sum;
    }

    public void Dispose() => _session.Dispose();
}
