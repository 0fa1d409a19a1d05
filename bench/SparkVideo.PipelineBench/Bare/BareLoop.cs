using System.Diagnostics;
using OpenCvSharp;
using SparkVideo.Processing;
using SparkVideo.Vision;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>
/// The machine's limit for this work: decode → segment → composite → encode → write, in-process, with one
/// worker thread per core sharing one segmenter (one intra-op thread per inference, as the job runs it).
/// No network, no JSON, no engine: whatever the pipeline adds on top shows as the gap to this number.
/// </summary>
public sealed class BareLoop(IReadOnlyList<byte[]> jpegFrames, int width, int height, int workers)
{
    private const int WarmUpFramesPerWorker = 3;
    private const int OutputJpegQuality = 90;
    private static readonly Scalar Background = new(192, 192, 192);

    public BareLoopResult Run(long frames, string outputDir)
    {
        if (frames < 1 || workers < 1)
        {
            throw new BenchException("the bare loop needs at least one frame and one worker");
        }
        Directory.CreateDirectory(outputDir);
        var segmenter = SharedSegmenter.Get(new SegmenterOptions { IntraOpThreads = 1 });
        NativeAllocatorTuning.Apply(); // as the job's RemoverCache does, so both sides run alike
        var next = -1L;
        // Files are named by timestamp as the job names them; warm-up frames get their own range.
        var baseMillis = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var warmedUp = new Barrier(workers + 1);
        using var go = new ManualResetEventSlim();
        var perWorker = new StageTimes[workers];
        Exception? failure = null;

        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            try
            {
                using var worker = new Worker(segmenter, width, height, outputDir);
                for (var i = 0; i < WarmUpFramesPerWorker; i++)
                {
                    worker.Process(jpegFrames[(w + i * workers) % jpegFrames.Count], FrameTimestamp(baseMillis, -1 - (w * WarmUpFramesPerWorker + i)), new StageTimes());
                }
                warmedUp.SignalAndWait();
                go.Wait();
                var times = new StageTimes();
                for (var index = Interlocked.Increment(ref next); index < frames; index = Interlocked.Increment(ref next))
                {
                    worker.Process(jpegFrames[(int)(index % jpegFrames.Count)], FrameTimestamp(baseMillis, index), times);
                }
                perWorker[w] = times;
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                warmedUp.RemoveParticipant();
            }
        })
        { Name = $"bare worker {w}", IsBackground = true }).ToList();

        threads.ForEach(t => t.Start());
        warmedUp.SignalAndWait();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        go.Set();
        threads.ForEach(t => t.Join());
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (failure is not null)
        {
            throw new BenchException($"bare loop failed: {failure.Message}");
        }

        var total = new StageTimes();
        foreach (var times in perWorker)
        {
            total.Merge(times);
        }
        return new BareLoopResult(workers, width, height, frames, clock.Elapsed, cpu, total);
    }

    private static double FrameTimestamp(long baseMillis, long offsetMillis) => (baseMillis + offsetMillis + 0.5) / 1000.0;

    /// <summary>One thread's reusable Mats; every stage is timed separately.</summary>
    private sealed class Worker(Segmenter segmenter, int width, int height, string outputDir) : IDisposable
    {
        private readonly Mat _mask = new();
        private readonly Mat _frameMask = new();
        private readonly Mat _composite = new();
        private readonly CompositeScratch _scratch = new();
        private readonly Size _size = new(width, height);

        public void Process(byte[] jpeg, double timestamp, StageTimes times)
        {
            var start = Stopwatch.GetTimestamp();
            using var frame = JpegFrameCodec.Decode(jpeg, width, height);
            var decoded = Stopwatch.GetTimestamp();
            segmenter.Segment(frame, _mask);
            var segmented = Stopwatch.GetTimestamp();
            MaskCompositor.UpsampleMask(_mask, _size, _frameMask);
            MaskCompositor.Composite(frame, _frameMask, Background, null, _composite, _scratch);
            var composited = Stopwatch.GetTimestamp();
            var output = JpegFrameCodec.Encode(_composite, OutputJpegQuality);
            var encoded = Stopwatch.GetTimestamp();
            FrameFileWriter.Write(outputDir, timestamp, output);
            var written = Stopwatch.GetTimestamp();

            times.Add(Stage.Decode, decoded - start);
            times.Add(Stage.Segment, segmented - decoded);
            times.Add(Stage.Composite, composited - segmented);
            times.Add(Stage.Encode, encoded - composited);
            times.Add(Stage.Write, written - encoded);
        }

        public void Dispose()
        {
            _mask.Dispose();
            _frameMask.Dispose();
            _composite.Dispose();
            _scratch.Dispose();
        }
    }
}
