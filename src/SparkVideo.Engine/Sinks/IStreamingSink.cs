using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sinks;

/// <summary>Receives the result rows of each micro-batch, partition by partition in partition order.</summary>
internal interface IStreamingSink
{
    void AddBatch(long batchId, StructType schema, IReadOnlyList<List<object?[]>> partitions);
}
