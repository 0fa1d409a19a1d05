using System.Diagnostics.CodeAnalysis;
using SparkVideo.Vision;

namespace SparkVideo.Processing;

/// <summary>Refuses to start the query when a frame could never be processed: no native library, no model, or nowhere to write.</summary>
public static class Preflight
{
    public static bool TryCheck(ProcessingSettings settings, [NotNullWhen(false)] out string? problem)
    {
        problem = NativeRuntimes.Check();
        if (problem is not null)
        {
            return false;
        }

        try
        {
            Directory.CreateDirectory(settings.OutputDirFullPath);
            var probe = Path.Combine(settings.OutputDirFullPath, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot write to the output directory '{settings.OutputDirFullPath}': {ex.Message}";
            return false;
        }

        try
        {
            _ = RemoverCache.Get(settings);
        }
        catch (Exception ex)
        {
            problem = ex.Message;
            return false;
        }

        problem = null;
        return true;
    }
}
