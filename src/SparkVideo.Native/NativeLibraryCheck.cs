using System.Text.RegularExpressions;

namespace SparkVideo.Native;

/// <summary>
/// Loads a package's native library up front and, when it cannot load, says why in one line instead of a
/// <see cref="TypeInitializationException"/> at the first call: <c>OpenCV's native library cannot load:
/// libgtk-3.so.0 is missing (install it: sudo apt-get install libgtk-3-0)</c>. The missing file is read from the
/// loader's own message, which lists one <c>&lt;file&gt;: cannot open shared object file</c> line per place tried.
/// </summary>
public static partial class NativeLibraryCheck
{
    /// <summary>Shared libraries a fresh system may lack, and how to get them.</summary>
    private static readonly Dictionary<string, string> InstallHints = new(StringComparer.Ordinal)
    {
        ["libgtk-3.so.0"] = "install it: sudo apt-get install libgtk-3-0",
    };

    /// <summary>Null when OpenCV's native library (OpenCvSharpExtern) loads, else the one-line reason.</summary>
    public static string? OpenCv() => Probe("OpenCV", () => _ = OpenCvSharp.Cv2.GetVersionString());

    /// <summary>Runs <paramref name="load"/>, which makes the first call into a native library; null when it loads.</summary>
    public static string? Probe(string displayName, Action load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            load();
            return null;
        }
        catch (Exception e) when (NotLoaded(e) is { } notLoaded)
        {
            return Describe(displayName, notLoaded.Message);
        }
    }

    /// <summary>The one-line reason for the loader's <paramref name="loaderMessage"/> (a <see cref="DllNotFoundException"/>'s).</summary>
    /// <remarks>
    /// glibc names a missing dependency bare (<c>libgtk-3.so.0: cannot open ...</c>) among the full paths the runtime
    /// tried for the library itself; when every line is such a path, the library itself is missing.
    /// </remarks>
    public static string Describe(string displayName, string loaderMessage)
    {
        ArgumentNullException.ThrowIfNull(loaderMessage);
        var prefix = $"{displayName}'s native library cannot load: ";
        var library = LibraryName().Match(loaderMessage) is { Success: true } named ? named.Groups["name"].Value : null;
        var unopened = CannotOpen().Matches(loaderMessage).Select(match => match.Groups["file"].Value).ToList();
        var missingDependency = unopened.FirstOrDefault(file =>
            !file.Contains('/', StringComparison.Ordinal) && !file.Contains('\\', StringComparison.Ordinal) &&
            (library is null || !file.Contains(library, StringComparison.Ordinal)));
        if (missingDependency is not null)
        {
            var hint = InstallHints.GetValueOrDefault(missingDependency, "install the package that provides it");
            return $"{prefix}{missingDependency} is missing ({hint})";
        }
        if (unopened.Count > 0 && library is not null)
        {
            return $"{prefix}{FileName(library)} is missing (it ships with the program in runtimes/{PortableRuntimeId.Current}/native/; rebuild or reinstall the program)";
        }
        var firstLine = loaderMessage.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return prefix + firstLine;
    }

    private static DllNotFoundException? NotLoaded(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException notFound)
            {
                return notFound;
            }
        }
        return null;
    }

    private static string FileName(string library) =>
        OperatingSystem.IsWindows() ? library + ".dll" : OperatingSystem.IsMacOS() ? $"lib{library}.dylib" : $"lib{library}.so";

    /// <summary>A file the loader could not open: the library at a path it tried, or (bare) a dependency; the last name before the error counts.</summary>
    [GeneratedRegex(@"^(?:[^:\n]+: )?(?<file>[^:\n]+): cannot open shared object file", RegexOptions.Multiline)]
    private static partial Regex CannotOpen();

    [GeneratedRegex(@"Unable to load (?:shared library|DLL) '(?<name>[^']+)'")]
    private static partial Regex LibraryName();
}
