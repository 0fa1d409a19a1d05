using System.Diagnostics.CodeAnalysis;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SparkVideo.Vision;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Imaging;

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

        WorkerProcess.EnsureStarted(settings);
        try
        {
            WarmUp(RemoverCache.Get(settings));
        }
        catch (Exception ex) when (ex is ModelLoadException or InvalidFrameException or OnnxRuntimeException or OpenCVException)
        {
            // What a user can fix (a missing or wrong model, a broken native runtime); anything else is a bug and keeps its stack trace.
            problem = ex.Message;
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// One blank frame through decode → segment → composite → encode, so that the first frames of the stream do not
    /// pay for compiling this path and for ONNX Runtime's first run (several times a normal frame's cost) while
    /// every camera's frames queue behind them.
    /// </summary>
    private static void WarmUp(BackgroundRemover remover)
    {
        const int Width = 640, Height = 480;
        using var blank = new Mat(Height, Width, MatType.CV_8UC3, Scalar.Black);
        _ = remover.RemoveFromJpeg(JpegFrameCodec.Encode(blank, quality: 80), Width, Height);
    }
}
