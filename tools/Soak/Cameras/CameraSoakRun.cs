using System.Diagnostics;
using System.Globalization;
using SparkVideo.ChildProcesses;
using SparkVideo.Processing;
using SparkVideo.Soak.Input;
using SparkVideo.Soak.Job;

namespace SparkVideo.Soak.Cameras;

/// <summary>
/// A soak of many cameras: N replayed cameras at a fixed rate into the real job for a given time, with a row every
/// --report-every-seconds (the job's RSS, open fds, threads, frames sent, written and in flight, deleted by retention,
/// the output's disk use). At the end the cameras stop, the job drains and stops, and the run checks that no frame
/// was lost, that RSS, fds and threads stayed flat, and that disk use stayed under the retention cap.
/// </summary>
public static class CameraSoakRun
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Disk use may pass the cap by what a camera writes between two sweeps of the janitor, and the frames it always keeps.</summary>
    private const double DiskSlackMiBPerCamera = 8;

    public static int Execute(CameraSoakOptions options)
    {
        var video = SampleVideo.Load(options.VideoPath);
        var workingDirectory = Path.Combine(Path.GetTempPath(), "sparkvideo-soak-cameras-" + Guid.NewGuid().ToString("N"));
        var replays = Enumerable.Range(1, options.Cameras).Select(i => new CameraReplay($"cam{i}", video, options.Fps, offset: i * 37)).ToList();
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage.Read();
        Console.WriteLine($"soak: {options.Cameras} cameras at {Format(options.Fps)} FPS for {Format(options.Duration.TotalMinutes)} min; job in {workingDirectory}; table in {options.ReportDirectory}");
        try
        {
            using var job = new JobChild(options.JobDll, workingDirectory, JobArgumentsFor(options, replays));
            job.WaitUntilStarted(StartupTimeout);
            var table = new SoakTable(options.ReportDirectory, Header(options, startedAt, loadAtStart));
            using var cancel = new CancellationTokenSource();
            var sending = replays.Select(replay => Task.Factory.StartNew(() => replay.Run(cancel.Token), TaskCreationOptions.LongRunning)).ToList();
            var clock = Stopwatch.StartNew();
            try
            {
                for (var next = options.ReportEvery; next <= options.Duration; next += options.ReportEvery)
                {
                    WaitUntil(clock, next, job);
                    table.Add(Row(job, replays, clock.Elapsed));
                    Console.WriteLine(Describe(table.Rows[^1]));
                }
            }
            finally
            {
                cancel.Cancel();
                replays.ForEach(replay => replay.Dispose());
                Task.WaitAll([.. sending]);
            }
            var sent = replays.Sum(replay => replay.Sent);
            Drain(job, sent);
            var exitCode = job.Stop(TimeSpan.FromSeconds(60));
            var final = job.LatestStats;
            var verdict = Verdict(options, table.Rows, sent, final, exitCode, LoadAverage.Read(), loadAtStart);
            table.Conclude(verdict);
            foreach (var line in verdict)
            {
                Console.WriteLine("soak: " + line);
            }
            var failed = verdict.Count(line => line.StartsWith("FAIL", StringComparison.Ordinal));
            Console.WriteLine(failed == 0 ? "soak: OK" : $"soak: FAILED ({failed} check(s))");
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            replays.ForEach(replay => replay.Dispose());
            if (!options.KeepOutput)
            {
                TryDelete(workingDirectory);
            }
        }
    }

    private static JobArguments JobArgumentsFor(CameraSoakOptions options, IReadOnlyList<CameraReplay> replays) => new()
    {
        Cameras = [.. replays.Select(replay => new JobCamera(replay.Name, "127.0.0.1", replay.Port))],
        Parallelism = options.Parallelism,
        StatsIntervalSeconds = 5,
        NumRows = 1,
        UiPort = 0,
        RetainMinutes = options.RetainMinutes,
        RetainGiB = options.RetainGiB,
    };

    private static void WaitUntil(Stopwatch clock, TimeSpan due, JobChild job)
    {
        while (clock.Elapsed < due)
        {
            if (job.HasExited)
            {
                throw new IOException($"the job exited during the soak\n{job.Tail()}");
            }
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(500, Math.Max(1, (due - clock.Elapsed).TotalMilliseconds))));
        }
    }

    private static SoakRow Row(JobChild job, IReadOnlyList<CameraReplay> replays, TimeSpan elapsed)
    {
        var stats = job.LatestStats;
        var sent = replays.Sum(replay => replay.Sent);
        var written = stats?.Processed ?? 0;
        return new SoakRow(
            elapsed.TotalMinutes,
            (ResidentMemory.Bytes(job.Id) ?? 0) / (1024.0 * 1024.0),
            ProcessResources.OpenFileDescriptors(job.Id) ?? 0,
            ProcessResources.Threads(job.Id) ?? 0,
            sent,
            written,
            sent - written - (stats?.Rejected ?? 0),
            replays.Sum(replay => replay.Late(elapsed)),
            stats?.Deleted ?? 0,
            DiskBytes(job.OutputDirectory) / (1024.0 * 1024.0),
            stats?.P50Ms,
            stats?.P99Ms,
            LoadAverage.Read());
    }

    /// <summary>Waits until the job's summary counts every frame sent (or gives up after <see cref="DrainTimeout"/>).</summary>
    private static void Drain(JobChild job, long sent)
    {
        job.WatchUntil(() => (job.LatestStats?.Processed ?? 0) + (job.LatestStats?.Rejected ?? 0) >= sent, TimeSpan.FromMilliseconds(500), DrainTimeout);
    }

    private static List<string> Verdict(CameraSoakOptions options, IReadOnlyList<SoakRow> rows, long sent, StatsLine? final, int exitCode,
        double loadAtEnd, double loadAtStart)
    {
        var verdict = new List<string>();
        var written = final?.Processed ?? 0;
        var rejected = final?.Rejected ?? 0;
        var lost = sent - written - rejected;
        verdict.Add(Check(lost == 0, $"frames: sent {sent}, written {written}, rejected {rejected}, lost {lost}"));
        verdict.Add(Check(exitCode == 0, $"the job exited with {exitCode}"));
        var (baseline, last, windows) = Windows(rows, options.Duration);
        if (baseline.Count == 0 || last.Count == 0)
        {
            verdict.Add("FAIL: too few rows to compare windows: run longer or report more often");
        }
        else
        {
            verdict.Add(Flat("RSS (MiB)", baseline.Average(r => r.RssMiB), last.Average(r => r.RssMiB), windows, options));
            verdict.Add(Flat("open fds", baseline.Average(r => r.FileDescriptors), last.Average(r => r.FileDescriptors), windows, options));
            verdict.Add(Flat("threads", baseline.Average(r => r.Threads), last.Average(r => r.Threads), windows, options));
        }
        var diskPeak = rows.Count == 0 ? 0 : rows.Max(r => r.DiskMiB);
        if (options.RetainGiB is { } gib)
        {
            var cap = options.Cameras * (gib * 1024 + DiskSlackMiBPerCamera);
            verdict.Add(Check(diskPeak <= cap, string.Create(CultureInfo.InvariantCulture,
                $"disk use peak {diskPeak:0.0} MiB, cap {options.Cameras} x ({Format(gib * 1024)} MiB + {Format(DiskSlackMiBPerCamera)} MiB between sweeps) = {cap:0.0} MiB; deleted {final?.Deleted ?? 0}")));
        }
        else
        {
            verdict.Add(string.Create(CultureInfo.InvariantCulture, $"disk use peak {diskPeak:0.0} MiB; deleted {final?.Deleted ?? 0}"));
        }
        var late = rows.Count == 0 ? 0 : rows[^1].Late;
        verdict.Add(string.Create(CultureInfo.InvariantCulture,
            $"late at the end: {late} frames behind the cameras' schedule (the job read slower than the cameras sent); load average {loadAtStart:0.00} at start, {loadAtEnd:0.00} at the end, on {Environment.ProcessorCount} cores"));
        return verdict;
    }

    /// <summary>
    /// The baseline and last windows: minutes 5-15 and the last 10 minutes for a run of 25 minutes or more (the issue's
    /// rule), else the second quarter of the run and its last quarter.
    /// </summary>
    private static (List<SoakRow> Baseline, List<SoakRow> Last, string Windows) Windows(IReadOnlyList<SoakRow> rows, TimeSpan duration)
    {
        var minutes = duration.TotalMinutes;
        var (from, to, lastFrom) = minutes >= 25 ? (5.0, 15.0, minutes - 10) : (minutes / 4, minutes / 2, minutes * 3 / 4);
        var text = string.Create(CultureInfo.InvariantCulture, $"minutes {from:0.##}-{to:0.##} vs {lastFrom:0.##}-{minutes:0.##}");
        return ([.. rows.Where(r => r.Minute >= from - 1e-6 && r.Minute <= to + 1e-6)], [.. rows.Where(r => r.Minute >= lastFrom - 1e-6)], text);
    }

    private static string Flat(string what, double baseline, double last, string windows, CameraSoakOptions options)
    {
        var change = baseline > 0 ? (last - baseline) * 100 / baseline : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{what}: {baseline:0.#} -> {last:0.#} ({change:+0.0;-0.0}%, limit ±{Format(options.MaxChangePercent)}%, {windows})");
        return options.SkipFlatnessCheck ? "reported (not judged): " + line : Check(Math.Abs(change) <= options.MaxChangePercent, line);
    }

    private static string Check(bool ok, string line) => (ok ? "ok: " : "FAIL: ") + line;

    private static string Describe(SoakRow r) => string.Create(CultureInfo.InvariantCulture,
        $"soak: minute {r.Minute:0.#} | RSS {r.RssMiB:0} MiB | fds {r.FileDescriptors} | threads {r.Threads} | sent {r.Sent} | written {r.Written} | in flight {r.InFlight} | late {r.Late} | deleted {r.Deleted} | disk {r.DiskMiB:0.0} MiB | load {r.LoadAverage:0.00}");

    private static IReadOnlyList<string> Header(CameraSoakOptions options, DateTimeOffset startedAt, double loadAtStart) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"Started {startedAt:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, load average {loadAtStart:0.00} at start (the machine may be shared: see the load column)."),
        "",
        string.Create(CultureInfo.InvariantCulture,
            $"{options.Cameras} cameras replayed (the sample video, looped, stamped at sending) at {Format(options.Fps)} FPS each for {Format(options.Duration.TotalMinutes)} minutes into one job (--parallelism {options.Parallelism}), retention {Retention(options)}; a row every {Format(options.ReportEvery.TotalSeconds)} s."),
        "The cameras never drop a frame: when the job reads slower, TCP holds them back and the frames behind their schedule are counted as late. Written, deleted and latency are the job's own [stats] (every 5 s); in flight = sent - written; disk = every file under the output folder.",
    ];

    private static string Retention(CameraSoakOptions options) =>
        options.RetainMinutes is null && options.RetainGiB is null ? "off"
        : string.Join(", ", new[] { options.RetainMinutes is { } m ? $"--retain-minutes {Format(m)}" : null, options.RetainGiB is { } g ? $"--retain-gib {Format(g)}" : null }.Where(s => s is not null));

    private static long DiskBytes(string directory)
    {
        try
        {
            return Directory.Exists(directory)
                ? new DirectoryInfo(directory).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Sum(TryLength)
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A file the janitor deleted between listing and asking counts as 0.</summary>
    private static long TryLength(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

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
