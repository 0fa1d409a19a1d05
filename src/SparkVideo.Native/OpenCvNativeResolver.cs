using System.Reflection;
using System.Runtime.InteropServices;

namespace SparkVideo.Native;

/// <summary>
/// Lets any host process load OpenCvSharp's native library (<c>OpenCvSharpExtern</c>). OpenCvSharp marks its
/// assembly <c>[DefaultDllImportSearchPaths(LegacyBehavior)]</c>, so without help the runtime looks only where the
/// host's own deps.json and the OS loader say. A host that did not reference OpenCvSharp at build time, such as
/// the Microsoft.Spark worker loading the job's UDF assemblies, then fails with <see cref="DllNotFoundException"/>
/// although the library sits next to <c>OpenCvSharp.dll</c>. This resolver looks there, then in
/// <c>runtimes/&lt;rid&gt;/native/</c> beside it, before falling back to the runtime's own search.
/// </summary>
public static class OpenCvNativeResolver
{
    private static int Installed;

    /// <summary>Installs the resolver for OpenCvSharp's assembly; idempotent and thread-safe. Call before the first OpenCV call.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref Installed, 1) == 1)
        {
            return;
        }
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(OpenCvSharp.Cv2).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host set a resolver of its own for OpenCvSharp: it knows better, keep it.
        }
    }

    /// <summary>The files tried for <paramref name="libraryName"/>, in order, for an assembly loaded from <paramref name="assemblyDirectory"/>.</summary>
    public static IEnumerable<string> Candidates(string libraryName, string assemblyDirectory)
    {
        string[] directories =
        [
            assemblyDirectory,
            Path.Combine(assemblyDirectory, "runtimes", PortableRuntimeId.Current, "native"),
        ];
        foreach (var directory in directories)
        {
            foreach (var fileName in FileNames(libraryName))
            {
                yield return Path.Combine(directory, fileName);
            }
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var directory = Path.GetDirectoryName(assembly.Location);
        if (!string.IsNullOrEmpty(directory))
        {
            foreach (var candidate in Candidates(libraryName, directory))
            {
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    return handle;
                }
            }
        }
        return IntPtr.Zero; // not ours to find: the runtime's default search runs next
    }

    private static IEnumerable<string> FileNames(string libraryName)
    {
        if (libraryName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ||
            libraryName.EndsWith(".so", StringComparison.Ordinal) ||
            libraryName.EndsWith(".dylib", StringComparison.Ordinal))
        {
            yield return libraryName;
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return libraryName + ".dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "lib" + libraryName + ".dylib";
            yield return libraryName + ".dylib";
        }
        else
        {
            yield return "lib" + libraryName + ".so";
            yield return libraryName + ".so";
        }
    }
}
