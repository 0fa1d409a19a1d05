using System.Runtime.InteropServices;

namespace SparkVideo.Native;

/// <summary>
/// The portable runtime identifier of this process (<c>linux-x64</c>, <c>win-x64</c>, <c>osx-arm64</c>): the
/// names NuGet packages use for their <c>runtimes/&lt;rid&gt;/native/</c> folders. Unlike
/// <see cref="RuntimeInformation.RuntimeIdentifier"/>, never a distro RID such as <c>ubuntu.24.04-x64</c>.
/// </summary>
public static class PortableRuntimeId
{
    public static string Current { get; } = $"{OperatingSystemPart()}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";

    private static string OperatingSystemPart() =>
        OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
}
