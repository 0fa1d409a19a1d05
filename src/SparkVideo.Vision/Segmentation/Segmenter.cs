using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace SparkVideo.Vision.Segmentation;

/// <summary>
/// Runs the selfie segmentation model on BGR frames. Thread-safe: one ORT session is shared, and each
/// concurrent caller borrows its own buffers from a pool that grows to the peak number of concurrent callers.
/// </summary>
public sealed class Segmenter : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly ConcurrentBag<SegmenterBuffers> _pool = [];
    private volatile bool _disposed;

    private Segmenter(InferenceSession session, string modelPath, int width, int height, int intraOpThreads)
    {
        _session = session;
        _inputNames = [.. session.InputMetadata.Keys];
        _outputNames = [.. session.OutputMetadata.Keys];
        ModelPath = modelPath;
        InputWidth = width;
        InputHeight = height;
        IntraOpThreads = intraOpThreads;
    }

    public string ModelPath { get; }

    /// <summary>The ONNX Runtime threads per inference it was loaded with (0: ONNX Runtime's default).</summary>
    public int IntraOpThreads { get; }

    /// <summary>The model's input (and mask) width in pixels.</summary>
    public int InputWidth { get; }

    /// <summary>The model's input (and mask) height in pixels.</summary>
    public int InputHeight { get; }

    /// <summary>Loads the model; throws <see cref="ModelLoadException"/> when it is missing, corrupt, or not a segmentation model.</summary>
    public static Segmenter Load(SegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.ModelPath ?? ModelLocator.PathOf(options.Model);
        var regenerate = ModelLocator.RegenerateCommand(ModelLocator.FileName(options.Model));
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"segmentation model not found at '{path}'; regenerate it with: {regenerate}");
        }

        InferenceSession session;
        try
        {
            using var sessionOptions = new SessionOptions
            {
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
            if (options.IntraOpThreads > 0)
            {
                sessionOptions.IntraOpNumThreads = options.IntraOpThreads;
            }
            session = new InferenceSession(path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(
                $"segmentation model at '{path}' could not be loaded ({FirstLine(e.Message)}); regenerate it with: {regenerate}", e);
        }

        try
        {
            var (width, height) = ReadInputSize(session, path);
            return new Segmenter(session, path, width, height, options.IntraOpThreads);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Segments a BGR frame (CV_8UC3, any size: it is stretched to the model size) and writes the person
    /// probability into <paramref name="probabilityMask"/> as CV_32FC1 at the model's size
    /// (<see cref="InputWidth"/> x <see cref="InputHeight"/>).
    /// </summary>
    public void Segment(Mat bgrImage, Mat probabilityMask)
    {
        ArgumentNullException.ThrowIfNull(bgrImage);
        ArgumentNullException.ThrowIfNull(probabilityMask);
        if (bgrImage.Empty() || bgrImage.Type() != MatType.CV_8UC3)
        {
            throw new ArgumentException($"expected a non-empty CV_8UC3 BGR image, got {bgrImage.Type()} {bgrImage.Width}x{bgrImage.Height}", nameof(bgrImage));
        }
        var buffers = Rent();
        try
        {
            buffers.Preprocess(bgrImage);
            buffers.Infer(_session, _inputNames, _outputNames);
            buffers.Output.CopyTo(probabilityMask);
        }
        finally
        {
            Return(buffers);
        }
    }

    /// <summary>Borrows a buffer set (benchmarks use this to time the stages separately).</summary>
    internal SegmenterBuffers Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _pool.TryTake(out var buffers) ? buffers : new SegmenterBuffers(InputWidth, InputHeight);
    }

    internal void Return(SegmenterBuffers buffers)
    {
        if (_disposed)
        {
            buffers.Dispose();
            return;
        }
        _pool.Add(buffers);
    }

    internal void Infer(SegmenterBuffers buffers) => buffers.Infer(_session, _inputNames, _outputNames);

    /// <summary>Disposes the session and pooled buffers; call it only when no Segment call is in flight.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        while (_pool.TryTake(out var buffers))
        {
            buffers.Dispose();
        }
        _session.Dispose();
    }

    private static (int Width, int Height) ReadInputSize(InferenceSession session, string path)
    {
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count != 1)
        {
            throw new ModelLoadException($"model at '{path}' must have one input and one output");
        }
        var input = session.InputMetadata.Values.First().Dimensions;
        var output = session.OutputMetadata.Values.First().Dimensions;
        if (input is not [1, > 0, > 0, 3] || output is not [1, _, _, 1] || output[1] != input[1] || output[2] != input[2])
        {
            throw new ModelLoadException(
                $"model at '{path}' has input [{string.Join(",", input)}] and output [{string.Join(",", output)}]; expected [1,H,W,3] → [1,H,W,1]");
        }
        return (input[2], input[1]);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
