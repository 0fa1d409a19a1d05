using System.Globalization;
using SparkVideo.Frames.Output;

namespace SparkVideo.Reliability.Tests.Faults;

/// <summary>
/// The output folder on a real, small file system (a tmpfs of 512 KiB in a private mount namespace) that fills up:
/// the query stops with one line naming the folder and the free space, no temporary file is left, and once there is
/// room again the job restarted on the same checkpoint goes on with the next batch.
/// </summary>
public sealed class DiskFullTests
{
    private const int VolumeKiB = 512;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [SmallVolumeFact]
    public void A_full_output_volume_stops_the_query_with_one_line_leaves_no_temporary_file_and_a_restart_goes_on()
    {
        var baseMillis = SampleFrames.BaseMillis();
        var workingDirectory = JobProcess.NewWorkingDirectory();
        var output = Path.Combine(workingDirectory, OutputLayout.DefaultOutputDir);
        try
        {
            using var volume = SmallVolume.Mount(output, VolumeKiB);
            using var producer = new RawProducer();
            long lastBatch;
            using (var job = JobProcess.StartThrough(volume.Enter(workingDirectory), producer.Port, workingDirectory))
            using (var connection = producer.Accept())
            {
                // ~40 KB a frame: 512 KiB is full after a dozen or so.
                for (var i = 0; i < 100 && !job.Process.HasExited; i++)
                {
                    TrySend(connection, SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
                    Thread.Sleep(20);
                }

                Assert.Equal(1, job.Process.WaitForExit(Timeout));
                var errors = job.Process.StderrLines.Where(line => line.StartsWith("error:", StringComparison.Ordinal)).ToList();
                var error = Assert.Single(errors);
                Assert.StartsWith($"error: the streaming query failed: cannot write frames to '{output}': no space left on device (", error);
                Assert.EndsWith($" free of {VolumeKiB.ToString(CultureInfo.InvariantCulture)}.0 KiB)", error);
                Assert.Empty(OutputLayout.TemporaryFrameFiles(volume.FromHere(output)));
                Assert.NotEmpty(OutputLayout.FrameFiles(volume.FromHere(output)));
                lastBatch = job.BatchIds().DefaultIfEmpty(-1).Max();
            }

            volume.Resize(8 * 1024);
            using (var restarted = JobProcess.StartThrough(volume.Enter(workingDirectory), producer.Port, workingDirectory))
            using (var connection = producer.Accept())
            {
                for (var i = 1000; i < 1003; i++)
                {
                    connection.Send(SampleFrames.Line(SampleFrames.Timestamp(baseMillis, i), i));
                }
                Eventually.True(() => Enumerable.Range(1000, 3).All(i => File.Exists(Path.Combine(volume.FromHere(output), FrameName(baseMillis, i)))),
                    () => restarted.Process.DescribeOutput(), Timeout);
                Eventually.True(() => restarted.BatchIds().Count > 0, () => restarted.Process.DescribeOutput());
                Assert.Equal(0, restarted.Stop());
                Assert.True(restarted.BatchIds()[0] > lastBatch, $"batch {restarted.BatchIds()[0]} after {lastBatch}");
            }
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static string FrameName(long baseMillis, int offset) => $"frame_{(baseMillis + offset).ToString(CultureInfo.InvariantCulture)}.jpg";

    /// <summary>The job stops reading once its query failed: a send into a closed connection is not this test's concern.</summary>
    private static void TrySend(ProducerConnection connection, byte[] line)
    {
        try
        {
            connection.Send(line);
        }
        catch (IOException)
        {
        }
    }

    private sealed class SmallVolumeFactAttribute : FactAttribute
    {
        public SmallVolumeFactAttribute()
        {
            if (SmallVolume.UnavailableReason is { } reason)
            {
                Skip = reason;
            }
        }
    }
}
