using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Sources;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Plans;

/// <summary>
/// A node of a DataFrame's query plan. Like Spark's analysis, a node resolves its schema and binds its expressions
/// when it is built, once; the executor runs the bound expressions for every batch.
/// </summary>
internal abstract class LogicalPlan
{
    public abstract StructType Schema { get; }

    public abstract bool IsStreaming { get; }

    /// <summary>The streaming source this plan reads, found by walking down to the leaf.</summary>
    public StreamingSourcePlan StreamingSource()
    {
        LogicalPlan node = this;
        while (node is UnaryPlan unary)
        {
            node = unary.Child;
        }
        return node as StreamingSourcePlan ?? throw new AnalysisException("The query has no streaming source.");
    }
}

/// <summary>A node with one input: its schema and streaming-ness are the child's unless it says otherwise.</summary>
internal abstract class UnaryPlan(LogicalPlan child) : LogicalPlan
{
    public LogicalPlan Child { get; } = child;

    public override StructType Schema => Child.Schema;

    public override bool IsStreaming => Child.IsStreaming;
}

/// <summary>The rows of one streaming source, handed in per micro-batch.</summary>
internal sealed class StreamingSourcePlan(SocketSourceOptions options) : LogicalPlan
{
    public SocketSourceOptions Options { get; } = options;

    public override StructType Schema => SocketSourceOptions.Schema;

    public override bool IsStreaming => true;
}

/// <summary>Rows already in memory, partitioned (CreateDataFrame, or one micro-batch handed to ForeachBatch).</summary>
internal sealed class LocalRelationPlan(IReadOnlyList<List<object?[]>> partitions, StructType schema) : LogicalPlan
{
    public IReadOnlyList<List<object?[]>> Partitions { get; } = partitions;

    public override StructType Schema { get; } = schema;

    public override bool IsStreaming => false;
}

internal sealed class ProjectPlan : UnaryPlan
{
    public ProjectPlan(LogicalPlan child, IReadOnlyList<Expression> expressions)
        : base(child)
    {
        BoundExpression[] bound = expressions.Select(e => e.Bind(child.Schema)).ToArray();
        Columns = bound.Select(b => b.Evaluate).ToArray();
        Schema = new StructType(expressions.Select((e, i) => new StructField(e.OutputName, bound[i].Type)));
    }

    /// <summary>One evaluator per output column.</summary>
    public Func<object?[], object?>[] Columns { get; }

    public override StructType Schema { get; }
}

internal sealed class FilterPlan(LogicalPlan child, Expression condition) : UnaryPlan(child)
{
    public Func<object?[], object?> Condition { get; } = BooleanCondition.Bind(condition, child.Schema);
}

/// <summary>Spreads rows round-robin over N partitions.</summary>
internal sealed class RepartitionPlan : UnaryPlan
{
    public RepartitionPlan(LogicalPlan child, int numPartitions)
        : base(child)
    {
        NumPartitions = numPartitions > 0
            ? numPartitions
            : throw new ArgumentException($"Number of partitions ({numPartitions}) must be positive.", nameof(numPartitions));
    }

    public int NumPartitions { get; }
}
