using Microsoft.ML.OnnxRuntime;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.Vision.People;

/// <summary>Opens a person detector's ONNX model: the shipped file by default, one-line errors when it cannot.</summary>
internal static class DetectorSession
{
    public static InferenceSession Open(string? path, string shippedFileName, int intraOpThreads)
    {
        path ??= ModelLocator.PathOf(shippedFileName);
        if (!File.Exists(path))
        {
            throw new ModelLoadException($"person detector model not found at '{path}'");
        }
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"person detector model at '{path}' could not be loaded ({e.Message.Split('\n')[0]})", e);
        }
    }
}
