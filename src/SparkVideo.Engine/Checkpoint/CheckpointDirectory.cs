using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Checkpoint;

/// <summary>
/// Spark's checkpoint layout: metadata ({"id":"..."}), offsets/&lt;batchId&gt; written before a batch runs (one
/// offset line per source, in the query's source order), commits/&lt;batchId&gt; after the sink took it,
/// sources/&lt;n&gt;/0 describing source n. Old batches beyond the retention are removed, as
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

    /// <summary>Each source's offset (index of its last line) committed by the last batch; -1 before any.</summary>
    public IReadOnlyList<long> LastCommittedOffsets { get; private set; } = [];

    /// <param name="sourceDescriptions">One per source of the query, in order.</param>
    public static CheckpointDirectory Open(string root, bool isTemporary, IReadOnlyList<string> sourceDescriptions)
    {
        var checkpoint = new CheckpointDirectory(Path.GetFullPath(root), isTemporary);
        checkpoint.Initialize(sourceDescriptions);
        return checkpoint;
    }

    private string OffsetsDir => Path.Combine(Root, "offsets");

    private string CommitsDir => Path.Combine(Root, "commits");

    private void Initialize(IReadOnlyList<string> sourceDescriptions)
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
            AtomicFile.Write(metadataPath, new JObject(new JProperty("id", QueryId)).ToString(Formatting.None) + "\n");
        }
        LastCommittedOffsets = Enumerable.Repeat(-1L, sourceDescriptions.Count).ToArray();
        long? lastCommit = LatestBatch(CommitsDir);
        if (lastCommit is { } committed)
        {
            NextBatchId = committed + 1;
            if (ReadOffsets(committed) is { } offsets)
            {
                // Spark's own check (OffsetSeq.toStreamProgress): a query cannot change how many sources it reads.
                if (offsets.Length != sourceDescriptions.Count)
                {
                    throw new AnalysisException($"There are [{offsets.Length}] sources in the checkpoint offsets and now there are " +
                        $"[{sourceDescriptions.Count}] sources requested by the query. Cannot continue. (checkpoint: {Root})");
                }
                LastCommittedOffsets = offsets;
            }
        }
        for (int n = 0; n < sourceDescriptions.Count; n++)
        {
            string sourcePath = Path.Combine(Root, "sources", n.ToString(CultureInfo.InvariantCulture), "0");
            if (!File.Exists(sourcePath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
                AtomicFile.Write(sourcePath, $"{Version}\n{sourceDescriptions[n]}");
            }
        }
    }

    /// <summary>Records what batch <paramref name="batchId"/> reads, before it runs (Spark's write-ahead log).</summary>
    public void WriteOffsets(long batchId, long batchTimestampMs, IReadOnlyList<long> endOffsets)
    {
        // The engine has no session conf to record; Spark writes its spark.sql.* settings in "conf". The line is the
        // same every batch but for one number, so it is written as text, not built as a JSON object a batch.
        string metadata = string.Create(CultureInfo.InvariantCulture,
            $"{{\"batchWatermarkMs\":0,\"batchTimestampMs\":{batchTimestampMs},\"conf\":{{}}}}");
        WriteBatchFile(OffsetsDir, batchId,
            $"{Version}\n{metadata}\n" + string.Join('\n', endOffsets.Select(o => o.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Marks the batch done once the sink has it.</summary>
    public void WriteCommit(long batchId, IReadOnlyList<long> endOffsets)
    {
        WriteBatchFile(CommitsDir, batchId, $"{Version}\n{{\"nextBatchWatermarkMs\":0}}");
        NextBatchId = batchId + 1;
        LastCommittedOffsets = [.. endOffsets];
    }

    /// <summary>Writes batch <paramref name="batchId"/>'s file in <paramref name="dir"/>; the batch that falls out of the retention goes.</summary>
    private static void WriteBatchFile(string dir, long batchId, string content)
    {
        long retired = batchId - BatchesToRetain;
        AtomicFile.Write(BatchPath(dir, batchId), content, retired >= 0 ? BatchPath(dir, retired) : null);
    }

    public void DeleteIfTemporary()
    {
        if (IsTemporary && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>The offsets batch <paramref name="batchId"/> logged, one per source; null when its file is missing or unreadable.</summary>
    private long[]? ReadOffsets(long batchId)
    {
        string path = BatchPath(OffsetsDir, batchId);
        if (!File.Exists(path))
        {
            return null;
        }
        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 3)
        {
            return null;
        }
        var offsets = new long[lines.Length - 2];
        for (int i = 0; i < offsets.Length; i++)
        {
            if (!long.TryParse(lines[i + 2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offsets[i]))
            {
                return null;
            }
        }
        return offsets;
    }

    private static long? LatestBatch(string dir) => Directory.EnumerateFiles(dir)
        .Select(Path.GetFileName)
        .Select(name => long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : (long?)null)
        .Max();

    private static string BatchPath(string dir, long batchId) => Path.Combine(dir, batchId.ToString(CultureInfo.InvariantCulture));
}
