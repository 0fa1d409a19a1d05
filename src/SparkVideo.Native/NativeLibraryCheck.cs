using System.Text.RegularExpressions;

namespace SparkVideo.Native;

/// <summary>
/// Loads a package's native library up front and, when it cannot load, says why in one line instead of a
/// <see cref="TypeInitializationException"/> at the first call: <c>OpenCV's native library cannot load:
/// libgtk-3.so.0 is missing (install it: sudo apt-get install libgtk-3-0)</c>. The file and the reason are read from
/// the loader's own message, which has one <c>&lt;file&gt;: &lt;reason&gt;</c> line per place tried: a file that is
/// present but cannot load (too short, another architecture, a missing GLIBC version) is named with the loader's reason.
/// </summary>
public static partial class NativeLibraryCheck
{
    /// <summary>Shared libraries a fresh system may lack, and how to get them.</summary>
    private static readonly Dictionary<string, string> InstallHints = new(StringComparer.Ordinal)
    {
        ["libgtk-3.so.0"] = "install it: sudo apt-get install libgtk-3-0",
    };

    /// <summary>Packages to reinstall when a file of theirs is present but broken.</summary>
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["libgtk-3.so.0"] = "libgtk-3-0",
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
        if (BrokenFile().Match(loaderMessage) is { Success: true } broken)
        {
            return prefix + DescribeBroken(broken.Groups["file"].Value, broken.Groups["reason"].Value.Trim(), library);
        }
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

    /// <summary>A file that exists but the loader refused, with the loader's reason and the fix that goes with it.</summary>
    private static string DescribeBroken(string file, string reason, string? library)
    {
        var name = Path.GetFileName(file);
        if (GlibcVersion().Match(reason) is { Success: true } glibc)
        {
            var needing = glibc.Groups["by"].Success ? Path.GetFileName(glibc.Groups["by"].Value) : name;
            return $"{needing} needs {glibc.Groups["version"].Value}, which this system's C library ({name}) lacks " +
                "(run it on a newer Linux, or use a build of the program made for this one)";
        }
        var fix = library is not null && name.Contains(library, StringComparison.Ordinal)
            ? $"it ships with the program in runtimes/{PortableRuntimeId.Current}/native/; rebuild or reinstall the program"
            : Packages.TryGetValue(name, out var package)
                ? $"reinstall it: sudo apt-get install --reinstall {package}"
                : "reinstall the package that provides it";
        var what = reason.StartsWith("wrong ELF class", StringComparison.Ordinal)
            ? "is built for another architecture"
            : "is present but is not a loadable library";
        return $"{file} {what} ({reason}; {fix})";
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

    /// <summary>A file the loader found but refused: any reason but "cannot open shared object file".</summary>
    [GeneratedRegex(
        @"^(?:[^:\n]+: )?(?<file>[^:\n ]+\.so[^:\n ]*): (?<reason>(?!cannot open shared object file)[^\n]+)$",
        RegexOptions.Multiline)]
    private static partial Regex BrokenFile();

    [GeneratedRegex(@"version `(?<version>GLIBC[^']*)' not found(?: \(required by (?<by>[^)]+)\))?")]
    private static partial Regex GlibcVersion();

    [GeneratedRegex(@"Unable to load (?:shared library|DLL) '(?<name>[^']+)'")]
    private static partial Regex LibraryName();
}
