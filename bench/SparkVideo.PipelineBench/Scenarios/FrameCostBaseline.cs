using System.Text;
using SparkVideo.ChildProcesses;
using SparkVideo.PipelineBench.Bare;
using SparkVideo.PipelineBench.Peer;

namespace SparkVideo.PipelineBench.Scenarios;

/// <summary>
/// What the job's CPU per frame is set against, measured in the same run on the same frames (the sample video's JPEGs
/// as the camera server sends them): the bare loop on one worker and one OpenCV thread (the frame's own work: decode,
/// segment, composite, encode, write), and the peer, the same pipeline in Python with OpenCV's DNN module.
/// </summary>
public sealed class FrameCostBaseline
{
    public const int BareFrames = 500;
    public const int PeerFrames = 100;

    private FrameCostBaseline(double bareCpuMs, OpenCvDnnPeer.Result? peer, string? peerSkipped)
    {
        BareCpuMs = bareCpuMs;
        Peer = peer;
        PeerSkipped = peerSkipped;
    }

    public double BareCpuMs { get; }

    public OpenCvDnnPeer.Result? Peer { get; }

    /// <summary>Why there is no peer row (no python3, or no cv2 in it); null when there is one.</summary>
    public string? PeerSkipped { get; }

    public static FrameCostBaseline Measure()
    {
        Console.WriteLine($"  bare loop, 1 worker, {BareFrames} frames...");
        var bare = BareScenario.Measure(BareFrames, 1, FrameSize.Vga);
        Console.WriteLine($"    {Format.N(bare.CpuMsPerFrame, 2)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
        Console.WriteLine($"  {OpenCvDnnPeer.Description}, {PeerFrames} frames...");
        var frames = SampleFrames.Load(RepoPaths.PeopleWalkingVideo, FrameSize.Vga.Width, FrameSize.Vga.Height);
        var peer = OpenCvDnnPeer.Measure(frames, PeerFrames, out var skipped);
        Console.WriteLine(peer is null
            ? $"    {skipped}"
            : $"    {Format.N(peer.CpuMsPerFrame, 1)} ms CPU per frame (load average {MachineInfo.LoadAverage()})");
        return new FrameCostBaseline(bare.CpuMsPerFrame, peer, skipped);
    }

    public void AddRows(ScenarioReport report, IReadOnlyList<(int Cameras, double JobCpuMs)> steps)
    {
        report.Add("bare loop CPU per frame (1 worker)", Format.N(BareCpuMs, 2) + " ms");
        foreach (var (cameras, jobCpuMs) in steps)
        {
            report.Add($"job / bare at {cameras} camera{(cameras == 1 ? "" : "s")}", Ratio(jobCpuMs));
        }
        report.Add("peer / bare", Peer is null ? PeerSkipped ?? "n/a" : Ratio(Peer.CpuMsPerFrame));
    }

    /// <summary>One table: the bare loop, the job at each camera count, and the peer, each as CPU per frame and its ratio to the bare loop.</summary>
    public string Table(IReadOnlyList<(int Cameras, double JobCpuMs)> steps)
    {
        var text = new StringBuilder();
        text.AppendLine("CPU per frame against the bare loop, measured in the same run on the same frames:");
        text.AppendLine();
        text.AppendLine("| pipeline | CPU per frame | / bare loop |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| bare loop: decode, segment, composite, encode, write (1 worker, 1 OpenCV thread, {BareFrames} frames) | {Format.N(BareCpuMs, 1)} ms | 1.00x |");
        foreach (var (cameras, jobCpuMs) in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| job, {cameras} camera{(cameras == 1 ? "" : "s")} | {Format.N(jobCpuMs, 1)} ms | {Ratio(jobCpuMs)} |");
        }
        text.AppendLine(Peer is null
            ? $"| {OpenCvDnnPeer.Description} | {PeerSkipped} | |"
            : $"| {OpenCvDnnPeer.Description}, {Peer.Frames} frames | {Format.N(Peer.CpuMsPerFrame, 1)} ms | {Ratio(Peer.CpuMsPerFrame)} |");
        return text.ToString();
    }

    private string Ratio(double cpuMs) => double.IsNaN(cpuMs) ? "n/a" : Format.N(cpuMs / BareCpuMs, 2) + "x";
}
