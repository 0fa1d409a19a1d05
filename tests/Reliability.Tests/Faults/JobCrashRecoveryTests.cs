using System.Globalization;
using OpenCvSharp;

namespace SparkVideo.Reliability.Tests.Faults;

/// <summary>
/// The job is SIGKILLed while a batch runs and restarted on the same checkpoint. The socket source cannot replay,
/// so frames that were in flight at the kill are lost (at-most-once, as with Spark's socket source); what the
/// test holds the job to is that nothing is half-written, nothing is written twice, and batch ids go on.
/// </summary>
public sealed class JobCrashRecoveryTests
{
    private const int FirstGroup = 8;
    private const int SecondGroup = 40;
    private const int AfterRestart = 8;

    [Fact]
    public void After_a_kill_mid_batch_the_restart_continues_the_batch_ids_with_no_partial_or_duplicate_frames()
    {
        var baseMillis = SampleFrames.BaseMillis();
        var workingDirectory = JobProcess.NewWorkingDirectory();
        try
        {
            using var producer = new RawProducer();
            long lastCommitted;
            using (var job = JobProcess.Start(producer.Port, workingDirectory))
            using (var connection = producer.Accept())
            {
                Send(connection, baseMillis, 0, FirstGroup);
                Eventually.True(() => job.FrameFiles().Length >= FirstGroup && CommittedBatches(job).Any(), () => job.Process.DescribeOutput());
                Send(connection, baseMillis, FirstGroup, SecondGroup);
                Eventually.True(() => job.FrameFiles().Length >= FirstGroup + 3, () => job.Process.DescribeOutput());
                job.Process.Kill(); // SIGKILL: no handler runs
                job.Process.WaitForExit(TimeSpan.FromSeconds(30));
                lastCommitted = CommittedBatches(job).Max();
                AssertEveryFrameFileIsWholeAndWrittenOnce(job);
            }

            using (var restarted = JobProcess.Start(producer.Port, workingDirectory))
            using (var connection = producer.Accept())
            {
                Send(connection, baseMillis, 1000, AfterRestart);
                Eventually.True(() => Enumerable.Range(1000, AfterRestart).All(i => File.Exists(FramePath(restarted, baseMillis, i))),
                    () => restarted.Process.DescribeOutput());

                // A batch's files are written before the console sink prints it: wait for the print, then stop.
                Eventually.True(() => restarted.BatchIds().Count > 0, () => restarted.Process.DescribeOutput());
                Assert.Equal(0, restarted.Stop());

                var batchIds = restarted.BatchIds();
                Assert.Equal(lastCommitted + 1, batchIds[0]);
                Assert.Equal(Enumerable.Range(0, batchIds.Count).Select(i => batchIds[0] + i), batchIds);
                AssertEveryFrameFileIsWholeAndWrittenOnce(restarted);
                var beforeKill = restarted.FrameFiles().Length - AfterRestart;
                Assert.InRange(beforeKill, FirstGroup + 3, FirstGroup + SecondGroup); // the rest were in flight at the kill: lost
            }
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static void Send(ProducerConnection connection, long baseMillis, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
        }
    }

    private static IEnumerable<long> CommittedBatches(JobProcess job)
    {
        var commits = Path.Combine(job.CheckpointDirectory, "commits");
        return Directory.Exists(commits)
            ? Directory.GetFiles(commits).Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => long.Parse(n!, CultureInfo.InvariantCulture))
            : [];
    }

    private static string FramePath(JobProcess job, long baseMillis, int offset) =>
        Path.Combine(job.OutputDirectory, $"frame_{(baseMillis + offset).ToString(CultureInfo.InvariantCulture)}.jpg");

    /// <summary>Every frame file decodes to a whole 640x480 image, and no capture millisecond has two files.</summary>
    private static void AssertEveryFrameFileIsWholeAndWrittenOnce(JobProcess job)
    {
        var files = job.FrameFiles();
        Assert.All(files, file =>
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length > 4 && bytes[^2] == 0xFF && bytes[^1] == 0xD9, $"{file} has no end-of-image marker");
            using var image = Cv2.ImDecode(bytes, ImreadModes.Color);
            Assert.Equal(new Size(640, 480), image.Size());
        });
        var names = files.Select(f => Path.GetFileNameWithoutExtension(f)!).ToArray();
        Assert.DoesNotContain(names, name => name.Count(c => c == '_') > 1); // frame_<ms>_1: a second file for one frame
        Assert.Equal(names.Length, names.Distinct().Count());
    }
}
