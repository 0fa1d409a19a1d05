using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing;

/// <summary>
/// Files and folders a command writes into the repository, where it must run as a user runs it (the README's
/// commands in the root, spark-submit.ps1's publish under artifacts/). While one is held, what a user had at those
/// paths is moved aside; on Dispose what the tests wrote is deleted (with parent folders it leaves empty) and the
/// user's is put back, so a run leaves the repository as it found it.
/// </summary>
public sealed class RepositoryOutputs : IDisposable
{
    private readonly string[] _paths;
    private readonly string _keptAside = RepoPaths.InRepo(".tests-kept-aside-" + Guid.NewGuid().ToString("N")[..8]);

    /// <param name="relativePaths">Paths relative to the repository root, with '/' separators.</param>
    public RepositoryOutputs(params string[] relativePaths)
    {
        _paths = relativePaths;
        foreach (var path in _paths.Where(path => Exists(RepoPaths.InRepo(path))))
        {
            var aside = Aside(path);
            Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
            Move(RepoPaths.InRepo(path), aside);
        }
    }

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            Delete(RepoPaths.InRepo(path));
            var parent = Path.GetDirectoryName(RepoPaths.InRepo(path))!;
            if (parent != RepoPaths.Root && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                try
                {
                    Directory.Delete(parent);
                }
                catch (IOException)
                {
                    // Another test assembly put something there meanwhile: it is theirs to remove.
                }
            }
        }
        if (!Directory.Exists(_keptAside))
        {
            return;
        }
        foreach (var path in _paths.Where(path => Exists(Aside(path))))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RepoPaths.InRepo(path))!);
            Move(Aside(path), RepoPaths.InRepo(path));
        }
        Directory.Delete(_keptAside, recursive: true);
    }

    private string Aside(string path) => Path.Combine(_keptAside, path.Replace('/', Path.DirectorySeparatorChar));

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static void Move(string from, string to)
    {
        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to);
        }
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}
