using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Imaging;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Benchmarks;

/// <summary>Each stage of removing the background from one 640x480 JPEG frame, then the whole frame.</summary>
[Config(typeof(ShortInProcessConfig))]
public class FrameStageBenchmarks
{
    private const int Width = 640, Height = 480, Quality = 90;

    private byte[] _jpeg = [];
    private Mat _frame = new();
    private Mat _frameMask = new();
    private Mat _composite = new();
    private Segmenter _oneThread = null!;
    private Segmenter _defaultThreads = null!;
    private SegmenterBuffers _oneThreadBuffers = null!;
    private SegmenterBuffers _defaultBuffers = null!;
    private BackgroundRemover _removerOneThread = null!;
    private BackgroundRemover _removerDefault = null!;
    private readonly Scalar _grey = new(192, 192, 192);
    private readonly CompositeScratch _scratch = new();

    [GlobalSetup]
    public void Setup()
    {
        _jpeg = File.ReadAllBytes(FindSample("astronaut.jpg"));
        _frame = JpegFrameCodec.Decode(_jpeg, Width, Height);
        _oneThread = Segmenter.Load(new SegmenterOptions { IntraOpThreads = 1 });
        _defaultThreads = Segmenter.Load(new SegmenterOptions { IntraOpThreads = 0 });
        _oneThreadBuffers = _oneThread.Rent();
        _defaultBuffers = _defaultThreads.Rent();
        _oneThreadBuffers.Preprocess(_frame);
        _defaultBuffers.Preprocess(_frame);
        _defaultThreads.Infer(_defaultBuffers);
        MaskCompositor.FrameAlpha(_defaultBuffers.Output, _frame.Size(), _frameMask, _scratch);
        MaskCompositor.Composite(_frame, _frameMask, _grey, null, _composite, _scratch);
        _removerOneThread = new BackgroundRemover(_oneThread, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
        _removerDefault = new BackgroundRemover(_defaultThreads, new BackgroundRemovalOptions { Segmentation = SegmentationMode.Frame });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _oneThread.Return(_oneThreadBuffers);
        _defaultThreads.Return(_defaultBuffers);
        _oneThread.Dispose();
        _defaultThreads.Dispose();
        _frame.Dispose();
        _frameMask.Dispose();
        _composite.Dispose();
        _scratch.Dispose();
        _removerOneThread.Dispose();
        _removerDefault.Dispose();
    }

    [Benchmark(Description = "1. JPEG decode 640x480")]
    public void JpegDecode()
    {
        using var frame = JpegFrameCodec.Decode(_jpeg, Width, Height);
    }

    [Benchmark(Description = "2. preprocess (resize, then BGR->RGB float in one pass)")]
    public void Preprocess() => _oneThreadBuffers.Preprocess(_frame);

    [Benchmark(Description = "3a. inference, 1 intra-op thread")]
    public void InferenceOneThread() => _oneThread.Infer(_oneThreadBuffers);

    [Benchmark(Description = "3b. inference, default threads")]
    public void InferenceDefaultThreads() => _defaultThreads.Infer(_defaultBuffers);

    [Benchmark(Description = "4. mask to 8-bit alpha at frame size + composite")]
    public void UpsampleAndComposite()
    {
        MaskCompositor.FrameAlpha(_defaultBuffers.Output, _frame.Size(), _frameMask, _scratch);
        MaskCompositor.Composite(_frame, _frameMask, _grey, null, _composite, _scratch);
    }

    [Benchmark(Description = "5. JPEG encode q90")]
    public byte[] JpegEncode() => JpegFrameCodec.Encode(_composite, Quality);

    [Benchmark(Description = "whole frame, 1 thread")]
    public byte[] WholeFrameOneThread() => _removerOneThread.RemoveFromJpeg(_jpeg, Width, Height);

    [Benchmark(Description = "whole frame, default threads")]
    public byte[] WholeFrameDefaultThreads() => _removerDefault.RemoveFromJpeg(_jpeg, Width, Height);

    internal static string FindSample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "photos", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"samples/photos/{name} not found above {AppContext.BaseDirectory}");
    }
}
