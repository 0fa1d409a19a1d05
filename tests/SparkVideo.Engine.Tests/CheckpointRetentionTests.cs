using SparkVideo.Engine.Checkpoint;

namespace SparkVideo.Engine.Tests;

/// <summary>The checkpoint keeps the last 100 batches' files, whole, however many batches a query runs.</summary>
public sealed class CheckpointRetentionTests : IDisposable
{
    private const int Batches = 250;
    private const long BatchTimestampMs = 1_767_668_128_308;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // The first batches' offsets are longer than the later ones, so a later file written where an earlier one was
    // must not keep the earlier one's tail.
    private static long OffsetOf(long batchId) => batchId < CheckpointDirectory.BatchesToRetain ? 900_000_000_000 + batchId : batchId;

    [Fact]
    public void Keeps_the_last_100_batches_with_exactly_their_content_and_no_temporary_files()
    {
        CheckpointDirectory checkpoint = CheckpointDirectory.Open(_dir.Path, isTemporary: false, ["socket"]);
        for (long batch = 0; batch < Batches; batch++)
        {
            checkpoint.WriteOffsets(batch, BatchTimestampMs, [OffsetOf(batch)]);
            checkpoint.WriteCommit(batch, [OffsetOf(batch)]);
        }

        long[] kept = [.. Enumerable.Range(Batches - CheckpointDirectory.BatchesToRetain, CheckpointDirectory.BatchesToRetain).Select(b => (long)b)];
        foreach (string log in new[] { "offsets", "commits" })
        {
            string[] names = [.. Directory.EnumerateFiles(Path.Combine(_dir.Path, log)).Select(Path.GetFileName).Order()!];
            Assert.Equal(kept.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), names);
        }
        foreach (long batch in kept)
        {
            Assert.Equal(
                $"v1\n{{\"batchWatermarkMs\":0,\"batchTimestampMs\":{BatchTimestampMs},\"conf\":{{}}}}\n{OffsetOf(batch)}",
                File.ReadAllText(Path.Combine(_dir.Path, "offsets", $"{batch}")));
            Assert.Equal("v1\n{\"nextBatchWatermarkMs\":0}", File.ReadAllText(Path.Combine(_dir.Path, "commits", $"{batch}")));
        }

        CheckpointDirectory reopened = CheckpointDirectory.Open(_dir.Path, isTemporary: false, ["socket"]);
        Assert.Equal(Batches, reopened.NextBatchId);
        Assert.Equal([OffsetOf(Batches - 1)], reopened.LastCommittedOffsets);
    }
}
