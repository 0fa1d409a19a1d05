using SparkVideo.ChildProcesses;

namespace SparkVideo.Readme.Tests;

/// <summary>
/// What the README's commands write into the repository root, where they run as written (the demo's and the job's
/// output_frames/ and checkpoint/, the photo and the video the tools make). A test holds one while it runs: what a
/// user had there is moved aside first and put back after, and what the test wrote is deleted, so a run leaves the
/// repository as it found it.
/// </summary>
public sealed class RootOutputs : IDisposable
{
    public static readonly string[] Names = ["output_frames", "checkpoint", "output_frames.mp4", "astronaut_gray.jpg"];

    private readonly string _keptAside = RepoPaths.InRepo(".readme-tests-kept-" + Guid.NewGuid().ToString("N")[..8]);

    public RootOutputs()
    {
        foreach (var name in Names.Where(name => Exists(RepoPaths.InRepo(name))))
        {
            Directory.CreateDirectory(_keptAside);
            Move(RepoPaths.InRepo(name), Path.Combine(_keptAside, name));
        }
    }

    public void Dispose()
    {
        foreach (var name in Names)
        {
            Delete(RepoPaths.InRepo(name));
        }
        if (!Directory.Exists(_keptAside))
        {
            return;
        }
        foreach (var name in Names.Where(name => Exists(Path.Combine(_keptAside, name))))
        {
            Move(Path.Combine(_keptAside, name), RepoPaths.InRepo(name));
        }
        Directory.Delete(_keptAside);
    }

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
