using SparkVideo.Native;

namespace SparkWorker.Tests.Support;

/// <summary>The two folder layouts a job's assemblies reach a worker in, made from the job's build output.</summary>
public enum AppLayout
{
    /// <summary>As <c>dotnet build</c> and a portable publish leave it: native libraries under runtimes/&lt;rid&gt;/native/.</summary>
    RuntimesFolder,

    /// <summary>As <c>dotnet publish -r &lt;rid&gt;</c> leaves it (what spark-submit.ps1 ships): native libraries beside the assemblies.</summary>
    Flat,
}

internal static class AppLayouts
{
    /// <summary>Copies the job's build output to <paramref name="destination"/> in the given layout.</summary>
    public static void Copy(string jobOutput, string destination, AppLayout layout)
    {
        foreach (var file in Directory.EnumerateFiles(jobOutput, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(jobOutput, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        if (layout == AppLayout.Flat)
        {
            var natives = Path.Combine(destination, "runtimes", PortableRuntimeId.Current, "native");
            foreach (var file in Directory.EnumerateFiles(natives))
            {
                File.Move(file, Path.Combine(destination, Path.GetFileName(file)));
            }
            Directory.Delete(Path.Combine(destination, "runtimes"), recursive: true);
        }
    }
}
