namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>
/// A private temporary folder for one run, deleted with everything in it when the bench process ends. Not at dispose:
/// on ext4 without a journal (this project's CI and bench VMs) every new file scans past the inodes deleted in the
/// last 30 s or more, so deleting one step's thousands of frames made the next step's every file creation cost about
/// 0.6 ms more, the bare loop's and the job's alike, by however many files happened to go just before.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    private static readonly List<string> Finished = [];

    static TempWorkspace() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFinished();

    public TempWorkspace(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sparkvideo-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        lock (Finished)
        {
            Finished.Add(Path);
        }
    }

    private static void DeleteFinished()
    {
        lock (Finished)
        {
            foreach (var path in Finished)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"warning: could not delete {path}: {e.Message}");
                }
            }
            Finished.Clear();
        }
    }
}
