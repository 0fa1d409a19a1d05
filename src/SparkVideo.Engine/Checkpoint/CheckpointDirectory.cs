using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Checkpoint;

/// <summary>
/// Spark's checkpoint layout: metadata ({"id":"..."}), offsets/&lt;batchId&gt; written before a batch runs,
/// commits/&lt;batchId&gt; after the sink took it, sources/0/0. Old batches beyond the retention are removed, as
/// Spark's spark.sql.streaming.minBatchesToRetain (100) does, so the folder does not grow for ever.
/// </summary>
internal sealed class CheckpointDirectory
{
    public const int BatchesToRetain = 100;
    private const string Version = "v1";

    private CheckpointDirectory(string root, bool isTemporary)
    {
        Root = root;
        IsTemporary = isTemporary;
    }

    public string Root { get; }

    public bool IsTemporary { get; }

    /// <summary>The query id, kept across restarts.</summary>
    public string QueryId { get; private set; } = "";

    /// <summary>The batch id the next batch gets: one past the last committed batch, 0 for a new checkpoint.</summary>
    public long NextBatchId { get; private set; }

    /// <summary>The source offset (index of the last line) committed by the last batch; -1 before any.</summary>
    public long LastCommittedOffset { get; private set; } = -1;

    public static CheckpointDirectory Open(string root, bool isTemporary, string sourceDescription)
    {
        var checkpoint = new CheckpointDirectory(Path.GetFullPath(root), isTemporary);
        checkpoint.Initialize(sourceDescription);
        return checkpoint;
    }

    private string OffsetsDir => Path.Combine(Root, "offsets");

    private string CommitsDir => Path.Combine(Root, "commits");

    private void Initialize(string sourceDescription)
    {
        Directory.CreateDirectory(OffsetsDir);
        Directory.CreateDirectory(CommitsDir);
        string metadataPath = Path.Combine(Root, "metadata");
        if (File.Exists(metadataPath))
        {
            QueryId = (string?)JObject.Parse(File.ReadAllText(metadataPath))["id"]
                ?? throw new InvalidDataException($"The checkpoint metadata file {metadataPath} has no id.");
        }
        else
        {
            QueryId = Guid.NewGuid().ToString();
            WriteAtomically(metadataPath, new JObject(new JProperty("id", QueryId)).ToString(Formatting.None) + "\n");
        }
        string sourcePath = Path.Combine(Root, "sources", "0", "0");
        if (!File.Exists(sourcePath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            WriteAtomically(sourcePath, $"{Version}\n{sourceDescription}");
        }
        long? lastCommit = LatestBatch(CommitsDir);
        if (lastCommit is { } committed)
        {
            NextBatchId = committed + 1;
            LastCommittedOffset = ReadOffset(committed);
        }
    }

    /// <summary>Records what batch <paramref name="batchId"/> reads, before it runs (Spark's write-ahead log).</summary>
    public void WriteOffsets(long batchId, long batchTimestampMs, long endOffset)
    {
        // The engine has no session conf to record; Spark writes its spark.sql.* settings in "conf".
        var metadata = new JObject(
            new JProperty("batchWatermarkMs", 0),
            new JProperty("batchTimestampMs", batchTimestampMs),
            new JProperty("conf", new JObject()));
        WriteAtomically(BatchPath(OffsetsDir, batchId),
            $"{Version}\n{metadata.ToString(Formatting.None)}\n{endOffset.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Marks the batch done once the sink has it; then drops files older than the retention.</summary>
    public void WriteCommit(long batchId, long endOffset)
    {
        WriteAtomically(BatchPath(CommitsDir, batchId), $"{Version}\n{{\"nextBatchWatermarkMs\":0}}");
        NextBatchId = batchId + 1;
        LastCommittedOffset = endOffset;
        long purgeBelow = batchId - BatchesToRetain + 1;
        if (purgeBelow > 0)
        {
            File.Delete(BatchPath(OffsetsDir, purgeBelow - 1));
            File.Delete(BatchPath(CommitsDir, purgeBelow - 1));
        }
    }

    public void DeleteIfTemporary()
    {
        if (IsTemporary && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private long ReadOffset(long batchId)
    {
        string path = BatchPath(OffsetsDir, batchId);
        if (!File.Exists(path))
        {
            return -1;
        }
        string[] lines = File.ReadAllLines(path);
        return lines.Length >= 3 && long.TryParse(lines[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long offset)
            ? offset
            : -1;
    }

    private static long? LatestBatch(string dir) => Directory.EnumerateFiles(dir)
        .Select(Path.GetFileName)
        .Select(name => long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : (long?)null)
        .Max();

    private static string BatchPath(string dir, long batchId) => Path.Combine(dir, batchId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a temp file beside the target and renames it over, so a crash never leaves half a file.</summary>
    private static void WriteAtomically(string path, string content)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
