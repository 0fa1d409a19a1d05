using System.Runtime.InteropServices;

namespace SparkVideo.ChildProcesses;

/// <summary>The dotnet muxer that runs the current program, so its children run on the same runtime.</summary>
internal static class DotnetHost
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Executable => Found.Value;

    /// <summary>
    /// The SDK's DOTNET_HOST_PATH (set under <c>dotnet test</c>), else the current process when it is dotnet, else
    /// the muxer above the runtime directory (…/shared/Microsoft.NETCore.App/&lt;version&gt;/; under <c>dotnet run</c>
    /// the program is an apphost, not dotnet), else dotnet from PATH.
    /// </summary>
    private static string Find()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileName(current) == executable)
        {
            return current;
        }
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }
}
