using System.Globalization;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// What a waiting query costs: with one camera at 10 FPS the query waits between every two frames, so a wait that
/// polls is paid for by every frame. Linux only (it reads the threads' context switches from /proc); not run in
/// parallel with other tests, so the only query threads in the process are this test's.
/// </summary>
[Collection(NotParallelCollection.Name)]
public sealed class IdleQueryTests : StreamingQueryTest
{
    // The query thread's name as Linux keeps it: the first 15 bytes of "stream execution thread for ...".
    private const string QueryThreadComm = "stream executio";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly LineServer _server = new();

    private protected override void DisposeFixtures() => _server.Dispose();

    [Fact]
    public void A_query_with_nothing_to_read_sleeps_until_a_line_arrives()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        ProgressRecorder progress = Session.RecordProgress();
        StreamingQuery query = Session.Spark.ReadStream().Format("socket").Option("host", "127.0.0.1").Option("port", _server.Port)
            .Load().WriteStream().Format("console").Option("checkpointLocation", Checkpoint.Path).Start();
        _server.WaitForConnection();
        _server.SendLines(["first"]);
        Eventually.True(() => progress.Progress.Count >= 1, "the first batch");

        // A rate needs a window: the switches the waiting query thread makes in one second with no input.
        long before = QueryThreadSwitches();
        Thread.Sleep(Window);
        long during = QueryThreadSwitches() - before;

        _server.SendLines(["second"]);
        Eventually.True(() => progress.Progress.Count >= 2, "a batch for the line sent after the wait");
        query.Stop();
        // Polling every 10 ms made about 100 a second; an event wait makes none.
        Assert.InRange(during, 0, 5);
    }

    private static long QueryThreadSwitches()
    {
        long total = 0;
        int found = 0;
        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != QueryThreadComm)
                {
                    continue;
                }
                string? line = File.ReadLines(Path.Combine(task, "status")).FirstOrDefault(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal));
                if (line is not null)
                {
                    total += long.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
                    found++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended between the listing and the read.
            }
        }
        Assert.Equal(1, found);
        return total;
    }
}
