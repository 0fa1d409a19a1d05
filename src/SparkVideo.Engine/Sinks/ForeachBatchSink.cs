using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sql;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sinks;

/// <summary>Hands each micro-batch to user code as an in-memory DataFrame with the batch id.</summary>
internal sealed class ForeachBatchSink(SparkSession session, Action<DataFrame, long> action) : IStreamingSink
{
    public void AddBatch(long batchId, StructType schema, IReadOnlyList<List<object?[]>> partitions) =>
        action(new DataFrame(session, new LocalRelationPlan(partitions, schema)), batchId);
}
