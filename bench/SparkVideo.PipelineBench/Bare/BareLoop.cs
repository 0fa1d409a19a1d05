using System.Diagnostics;
using SparkVideo.Processing;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Native;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>
/// The machine's limit for this work: decode → segment → composite → encode → write, in-process, with one
/// worker thread per core sharing one segmenter (one intra-op thread per inference, as the job runs it). Each frame goes
/// through the UDF's own code (<see cref="BackgroundRemover.RemoveFromJpeg(ReadOnlySpan{byte}, int, int, IFrameStageObserver?)"/>
/// and <see cref="FrameFileWriter"/>), which reports its stages' times: a change to the frame path moves both.
/// No network, no JSON, no engine: whatever the pipeline adds on top shows as the gap to this number.
/// Paced (<paramref name="paceFps"/> above 0), each worker sleeps until its next frame is due, as a job fed by one
/// camera at that rate does: what a frame costs after the caches went cold, without the engine.
/// </summary>
public sealed class BareLoop(IReadOnlyList<byte[]> jpegFrames, int width, int height, int workers, double paceFps = 0)
{
    private const int WarmUpFramesPerWorker = 3;
    private const int OutputJpegQuality = 90;

    public BareLoopResult Run(long frames, string outputDir)
    {
        if (frames < 1 || workers < 1)
        {
            throw new BenchException("the bare loop needs at least one frame and one worker");
        }
        Directory.CreateDirectory(outputDir);
        var segmenter = SharedSegmenter.Get(new SegmenterOptions { IntraOpThreads = 1 });
        NativeAllocatorTuning.Apply(); // as the job's worker process does, so both sides run alike
        // The job's settings in the bench: one pass (see BenchSegmentation), the default hard mask over gray, JPEG quality 90.
        using var remover = new BackgroundRemover(segmenter,
            new BackgroundRemovalOptions { JpegQuality = OutputJpegQuality, Segmentation = SegmentationMode.Frame });
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
                var worker = new Worker(remover, width, height, outputDir);
                for (var i = 0; i < WarmUpFramesPerWorker; i++)
                {
                    worker.Process(jpegFrames[(w + i * workers) % jpegFrames.Count], FrameTimestamp(baseMillis, -1 - (w * WarmUpFramesPerWorker + i)), new StageTimes());
                }
                warmedUp.SignalAndWait();
                go.Wait();
                var times = new StageTimes();
                var pace = new Pace(paceFps);
                for (var index = Interlocked.Increment(ref next); index < frames; index = Interlocked.Increment(ref next))
                {
                    pace.WaitForNextFrame();
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

    /// <summary>A fixed rate from a start time (no drift); no wait at all at 0.</summary>
    private sealed class Pace(double fps)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _frame;

        public void WaitForNextFrame()
        {
            if (fps <= 0)
            {
                return;
            }
            var due = TimeSpan.FromSeconds(_frame++ / fps) - _clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                Thread.Sleep(due);
            }
        }
    }

    private static double FrameTimestamp(long baseMillis, long offsetMillis) => (baseMillis + offsetMillis + 0.5) / 1000.0;

    /// <summary>
    /// One thread's frames: the UDF's own frame path (<see cref="BackgroundRemover"/>, then <see cref="FrameFileWriter"/>), with
    /// each stage's time reported by the remover itself.
    /// </summary>
    private sealed class Worker(BackgroundRemover remover, int width, int height, string outputDir)
    {
        public void Process(byte[] jpeg, double timestamp, StageTimes times)
        {
            times.BeginFrame();
            var output = remover.RemoveFromJpeg(jpeg, width, height, times);
            var encoded = Stopwatch.GetTimestamp();
            FrameFileWriter.Write(outputDir, timestamp, output);
            times.Add(Stage.Write, Stopwatch.GetTimestamp() - encoded);
        }
    }
}
