using System.Text;
using SparkVideo.ChildProcesses;
using SparkVideo.PipelineBench.Bare;
using SparkVideo.PipelineBench.Peer;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// What the job's CPU per frame is set against, measured in the same run on the same frames (the sample video's JPEGs
/// as the camera server sends them): the bare loop on one worker and one OpenCV thread (the frame's own work: decode,
/// segment, composite, encode, write), and the peer, the same pipeline in Python with OpenCV's DNN module. The bare loop
/// runs before the first camera step and again after each, and each step is set against the two runs around it: on a
/// shared VM the same loop moved by a third within one bench run, which a single measurement put into every ratio.
/// Once more, paced at the cameras' rate (one frame every 100 ms at 10 FPS, the worker asleep in between, as the job
/// with one camera is): the same work after the caches went cold, so the job at one camera can be set against both.
/// </summary>
public sealed class FrameCostBaseline
{
    public const int BareFrames = 500;
    public const int PeerFrames = 100;
    public const int PacedSeconds = 30;

    private readonly List<double> _bareCpuMs = [];

    private FrameCostBaseline(OpenCvDnnPeer.Result? peer, string? peerSkipped)
    {
        Peer = peer;
        PeerSkipped = peerSkipped;
    }

    /// <summary>The paced bare loop's CPU per frame and its rate; null when it was not run.</summary>
    public (double CpuMs, double Fps, long Frames)? Paced { get; private set; }

    /// <summary>The bare loop's CPU per frame, the mean of its runs.</summary>
    public double BareCpuMs => _bareCpuMs.Average();

    public OpenCvDnnPeer.Result? Peer { get; }

    /// <summary>Why there is no peer row (no python3, or no cv2 in it); null when there is one.</summary>
    public string? PeerSkipped { get; }

    /// <param name="pacedFps">The cameras' rate, for the paced run of the bare loop; 0 skips it.</param>
    public static FrameCostBaseline Measure(double pacedFps)
    {
        Console.WriteLine($"  {OpenCvDnnPeer.Description}, {PeerFrames} frames...");
        var frames = SampleFrames.Load(RepoPaths.PeopleWalkingVideo, FrameSize.Vga.Width, FrameSize.Vga.Height);
        var peer = OpenCvDnnPeer.Measure(frames, PeerFrames, out var skipped);
        Console.WriteLine(peer is null
            ? $"    {skipped}"
            : $"    {Format.N(peer.CpuMsPerFrame, 1)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
        var baseline = new FrameCostBaseline(peer, skipped);
        baseline.MeasureBare();
        if (pacedFps > 0)
        {
            var pacedFrames = Math.Max(1, (long)Math.Round(pacedFps * PacedSeconds));
            Console.WriteLine($"  bare loop, 1 worker, paced at {Format.N(pacedFps)} FPS, {pacedFrames} frames...");
            var paced = BareScenario.Measure(pacedFrames, 1, FrameSize.Vga, paceFps: pacedFps);
            Console.WriteLine($"    {Format.N(paced.CpuMsPerFrame, 2)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
            baseline.Paced = (paced.CpuMsPerFrame, pacedFps, pacedFrames);
        }
        return baseline;
    }

    /// <summary>Runs the bare loop once more; call it after each camera step.</summary>
    public void MeasureBare()
    {
        Console.WriteLine($"  bare loop, 1 worker, {BareFrames} frames...");
        var bare = BareScenario.Measure(BareFrames, 1, FrameSize.Vga);
        Console.WriteLine($"    {Format.N(bare.CpuMsPerFrame, 2)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
        _bareCpuMs.Add(bare.CpuMsPerFrame);
    }

    public void AddRows(ScenarioReport report, IReadOnlyList<(int Cameras, double JobCpuMs)> steps)
    {
        report.Add("bare loop CPU per frame (1 worker)", $"{Format.N(BareCpuMs, 2)} ms ({BareRange()})");
        for (var i = 0; i < steps.Count; i++)
        {
            var (cameras, jobCpuMs) = steps[i];
            report.Add($"job / bare at {cameras} camera{(cameras == 1 ? "" : "s")}", Ratio(jobCpuMs, BareAround(i)));
        }
        if (Paced is { } paced && steps.Count > 0 && steps[0].Cameras == 1)
        {
            report.Add($"job at 1 camera / bare paced at {Format.N(paced.Fps)} FPS", Ratio(steps[0].JobCpuMs, paced.CpuMs));
        }
        report.Add("peer / bare", Peer is null ? PeerSkipped ?? "n/a" : Ratio(Peer.CpuMsPerFrame, BareCpuMs));
    }

    /// <summary>One table: the bare loop, the job at each camera count, and the peer, each as CPU per frame and its ratio to the bare loop.</summary>
    public string Table(IReadOnlyList<(int Cameras, double JobCpuMs)> steps)
    {
        var text = new StringBuilder();
        text.AppendLine("CPU per frame against the bare loop, measured in the same run on the same frames (each camera count against the");
        text.AppendLine("bare loop's runs just before and just after it):");
        text.AppendLine();
        text.AppendLine("| pipeline | CPU per frame | / bare loop |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare loop: decode, segment, composite, encode, write (1 worker, 1 OpenCV thread, {BareFrames} frames a run; {BareRange()}) | {Format.N(BareCpuMs, 1)} ms | 1.00x |");
        for (var i = 0; i < steps.Count; i++)
        {
            var (cameras, jobCpuMs) = steps[i];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| job, {cameras} camera{(cameras == 1 ? "" : "s")} | {Format.N(jobCpuMs, 1)} ms | {Ratio(jobCpuMs, BareAround(i))} |");
        }
        if (Paced is { } paced)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| bare loop paced at {Format.N(paced.Fps)} FPS (one worker asleep between frames, as the job with one camera; {paced.Frames} frames, one run) | {Format.N(paced.CpuMs, 1)} ms | {Ratio(paced.CpuMs, BareCpuMs)} |");
        }
        text.AppendLine(Peer is null
            ? $"| {OpenCvDnnPeer.Description} | {PeerSkipped} | |"
            : $"| {OpenCvDnnPeer.Description}, {Peer.Frames} frames | {Format.N(Peer.CpuMsPerFrame, 1)} ms | {Ratio(Peer.CpuMsPerFrame, BareCpuMs)} |");
        return text.ToString();
    }

    /// <summary>The bare loop around camera step <paramref name="step"/>: the mean of the runs just before and just after it.</summary>
    private double BareAround(int step) =>
        _bareCpuMs.Skip(step).Take(2).DefaultIfEmpty(BareCpuMs).Average();

    private string BareRange() => _bareCpuMs.Count == 1
        ? "1 run"
        : $"{_bareCpuMs.Count} runs, {Format.N(_bareCpuMs.Min(), 2)}-{Format.N(_bareCpuMs.Max(), 2)} ms";

    private static string Ratio(double cpuMs, double bareMs) => double.IsNaN(cpuMs) ? "n/a" : Format.N(cpuMs / bareMs, 2) + "x";
}
