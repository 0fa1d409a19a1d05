using System.Reflection;
using System.Runtime.Loader;
using WorkerStandIn.Serialization;

namespace WorkerStandIn;

/// <summary>
/// Finds the job's assemblies by file name as the Microsoft.Spark worker does: in each directory of
/// DOTNET_ASSEMBLY_SEARCH_PATHS (comma-separated; entries starting with '.' are relative to the working
/// directory), then the working directory, then this program's own folder.
/// </summary>
internal sealed class AssemblySearch
{
    public const string SearchPathsVariable = "DOTNET_ASSEMBLY_SEARCH_PATHS";

    private static readonly string[] Extensions = OperatingSystem.IsWindows() ? [".dll", ".exe", ".ni.dll", ".ni.exe"] : [".dll", ".ni.dll"];

    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public AssemblySearch(string? searchPathsVariable)
    {
        var paths = new List<string>();
        foreach (var entry in (searchPathsVariable ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            paths.Add(entry.StartsWith('.') ? Path.Combine(Directory.GetCurrentDirectory(), entry) : entry);
        }
        paths.Add(Directory.GetCurrentDirectory());
        paths.Add(AppContext.BaseDirectory);
        Directories = paths;
    }

    public IReadOnlyList<string> Directories { get; }

    /// <summary>Answers the runtime's requests for assemblies it cannot find on its own (the worker's hook).</summary>
    public void InstallResolvingHook() =>
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name is { } simple ? TryLoadByFileName(Extensions.Select(e => simple + e)) : null;

    public Type LoadType(TypeDescription type)
    {
        var assembly = TryLoadByFileName([type.AssemblyFileName])
            ?? throw new FileNotFoundException($"Assembly '{type.AssemblyName}' file not found '{type.AssemblyFileName}' in '{string.Join(",", Directories)}'");
        return assembly.GetType(type.Name, throwOnError: true)!;
    }

    private Assembly? TryLoadByFileName(IEnumerable<string> fileNames)
    {
        lock (_gate)
        {
            foreach (var fileName in fileNames)
            {
                if (_loaded.TryGetValue(fileName, out var cached))
                {
                    return cached;
                }
                foreach (var directory in Directories)
                {
                    var candidate = Path.Combine(directory, fileName);
                    if (File.Exists(candidate))
                    {
                        var assembly = Assembly.LoadFrom(candidate);
                        _loaded[fileName] = assembly;
                        return assembly;
                    }
                }
            }
            return null;
        }
    }
}
