using System.Diagnostics;
using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Soak.Input;
using SparkVideo.Soak.Job;

namespace SparkVideo.Soak;

/// <summary>
/// One soak run: the producer streams every line into the real job, then the run checks exactly that
/// frames in = files written + lines rejected (+ lines the source dropped, expected 0), that the job's stderr
/// agrees with rejects.log, that no temporary file is left, and that RSS stayed flat.
/// </summary>
public static class SoakRun
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(500);

    public static int Execute(SoakOptions options)
    {
        var video = SampleVideo.Load(options.VideoPath);
        var workingDirectory = Path.Combine(Path.GetTempPath(), "sparkvideo-soak-" + Guid.NewGuid().ToString("N"));
        using var producer = new FrameProducer(video, options);
        Console.WriteLine($"soak: {options.Frames} lines ({options.BadPercent.ToString(CultureInfo.InvariantCulture)}% bad, seed {options.Seed}) from {video.Jpegs.Count} frames of {Path.GetFileName(options.VideoPath)}; job in {workingDirectory}");
        try
        {
            using var job = new JobChild(options.JobDll, workingDirectory, new JobArguments
            {
                Host = "127.0.0.1",
                Port = producer.Port,
                Parallelism = options.Parallelism,
                StatsIntervalSeconds = 0,
                NumRows = 1,
                UiPort = 0,
            });
            job.WaitUntilStarted(StartupTimeout);
            using var rss = new RssSampler(job.Id, SampleInterval);
            var clock = Stopwatch.StartNew();

            using var cancel = new CancellationTokenSource();
            var sending = Task.Run(() => producer.Run(StartupTimeout, cancel.Token));
            try
            {
                WaitUntilAccountedFor(job, sending, options);
            }
            finally
            {
                cancel.Cancel();
            }
            sending.GetAwaiter().GetResult();
            var elapsed = clock.Elapsed;
            var samples = rss.Samples;
            var exitCode = job.Stop(TimeSpan.FromSeconds(60));
            return Report(options, producer, job, exitCode, samples, elapsed);
        }
        finally
        {
            if (!options.KeepOutput)
            {
                TryDelete(workingDirectory);
            }
        }
    }

    /// <summary>Waits until every line sent is a file, a reject or a source drop; fails when progress stalls.</summary>
    private static void WaitUntilAccountedFor(JobChild job, Task sending, SoakOptions options)
    {
        var lastTotal = -1;
        var lastProgress = Stopwatch.StartNew();
        bool AccountedFor()
        {
            if (sending.IsFaulted)
            {
                return true; // rethrown by the caller
            }
            if (job.HasExited)
            {
                throw new IOException($"the job exited during the soak\n{job.Tail()}");
            }
            var total = job.CountFrameFiles() + job.CountRejectsLogLines() + job.DroppedBySource;
            if (sending.IsCompleted && total >= options.Frames)
            {
                return true;
            }
            if (total != lastTotal)
            {
                lastTotal = total;
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > options.StallTimeout)
            {
                throw new TimeoutException($"no progress for {options.StallTimeout.TotalSeconds:0} s at {total} of {options.Frames} lines accounted for\n{job.Tail()}");
            }
            return false;
        }
        job.WatchUntil(AccountedFor, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
    }

    private static int Report(SoakOptions options, FrameProducer producer, JobChild job, int exitCode, IReadOnlyList<long> samples, TimeSpan elapsed)
    {
        var written = job.CountFrameFiles();
        var rejected = job.CountRejectsLogLines();
        var dropped = job.DroppedBySource;
        var temporary = job.CountTemporaryFiles();
        var linesIn = producer.ValidSent + producer.BadSent;
        var failures = new List<string>();

        Console.WriteLine($"soak: frames in {linesIn} ({producer.ValidSent} valid, {producer.BadSent} bad: {string.Join(", ", producer.BadSentByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})");
        Console.WriteLine($"soak: written {written} | rejected {rejected} (stderr {job.RejectedOnStderr}) | dropped by the source {dropped} | temporary files left {temporary} | batches {job.Batches}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak: {elapsed.TotalSeconds:F1} s, {linesIn / Math.Max(0.001, elapsed.TotalSeconds):F1} lines/s"));
        Check(failures, linesIn == written + rejected + dropped, $"frames in {linesIn} != written {written} + rejected {rejected} + dropped {dropped}");
        Check(failures, written == producer.ValidSent, $"written {written} != valid frames sent {producer.ValidSent}");
        Check(failures, rejected == producer.BadSent, $"rejected {rejected} != bad lines sent {producer.BadSent}");
        Check(failures, job.RejectedOnStderr == rejected, $"rejects on stderr (echoed or counted) {job.RejectedOnStderr} != rejects.log lines {rejected}");
        Check(failures, temporary == 0, $"{temporary} temporary files left in the output directory");
        Check(failures, exitCode == 0, $"the job exited with {exitCode}\n{job.Tail()}");

        var (first, last, peak) = RssWindows(samples);
        var change = first > 0 ? (last - first) * 100.0 / first : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: job RSS first window {Mb(first)} MB, last window {Mb(last)} MB ({change:+0.0;-0.0}%, limit ±{options.MaxRssChangePercent}%), peak {Mb(peak)} MB, {samples.Count} samples"));
        Check(failures, options.SkipMemoryCheck || (samples.Count >= 10 && Math.Abs(change) <= options.MaxRssChangePercent),
            samples.Count < 10 ? $"only {samples.Count} RSS samples: run more frames" : string.Create(CultureInfo.InvariantCulture, $"RSS changed {change:F1}% between the first and last windows"));

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"soak: FAIL: {failure}");
        }
        Console.WriteLine(failures.Count == 0 ? "soak: OK" : $"soak: FAILED ({failures.Count} check(s))");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Mean RSS of the first and the last tenth of the run, the first one taken after a fifth of warm-up (the
    /// first batches fill the source buffer, the GC heap and ONNX Runtime's arenas), and the peak.
    /// </summary>
    private static (long First, long Last, long Peak) RssWindows(IReadOnlyList<long> samples)
    {
        if (samples.Count == 0)
        {
            return (0, 0, 0);
        }
        // Windows of a tenth of the run; the first starts after a fifth, when the source buffer and the GC heap
        // have filled (at full speed that ramp lasts about 2,000 frames; see docs/perf/memory.csv).
        var window = Math.Max(1, samples.Count / 10);
        var first = samples.Skip(2 * window).Take(window).DefaultIfEmpty(samples[0]).Average();
        var last = samples.Skip(samples.Count - window).Average();
        return ((long)first, (long)last, samples.Max());
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static void Check(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
