using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SparkVideo.Native;

namespace SparkVideo.Vision;

internal static class VisionModuleInitializer
{
    /// <summary>
    /// Runs before any code of this assembly, in whatever process loads it. A library initializer is the point:
    /// in the Microsoft.Spark worker no entry point of ours runs before the UDF calls into OpenCV.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The worker host runs no code of ours before the UDF; see the summary.")]
    internal static void Initialize() => OpenCvNativeResolver.Install();
}
