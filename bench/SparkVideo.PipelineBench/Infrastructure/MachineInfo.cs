using System.Runtime.InteropServices;

namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>The machine the numbers were measured on, for the results table.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double MemoryGiB, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadMemoryGiB(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine, other work moves every frames/s figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public string Describe() => $"{Cores} cores, {CpuModel}, {MemoryGiB:F0} GiB RAM, {Os}, {Runtime}";

    private static string ReadCpuModel() =>
        ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static double ReadMemoryGiB() =>
        ReadField("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kib)
            ? kib / 1024.0 / 1024.0
            : double.NaN;

    private static string? ReadField(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        foreach (var line in File.ReadLines(file))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }
        return null;
    }
}
