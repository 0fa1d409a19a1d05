using Microsoft.ML.OnnxRuntime;
using SparkVideo.Native;

namespace SparkVideo.Vision;

/// <summary>The native libraries segmentation needs: OpenCV's and ONNX Runtime's.</summary>
public static class NativeRuntimes
{
    /// <summary>Null when both load, else the one-line reason for the first that does not (see <see cref="NativeLibraryCheck"/>).</summary>
    public static string? Check() =>
        NativeLibraryCheck.OpenCv() ?? NativeLibraryCheck.Probe("ONNX Runtime", () => _ = OrtEnv.Instance().GetVersionString());
}
