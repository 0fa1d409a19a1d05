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

    /// <summary>
    /// The streaming sources this plan reads, left to right as the query names them; a source read twice (a
    /// DataFrame unioned with itself) is one source. Its position is its index in the checkpoint (sources/&lt;n&gt;).
    /// </summary>
    public IReadOnlyList<StreamingSourcePlan> StreamingSources()
    {
        var sources = new List<StreamingSourcePlan>();
        Collect(this, sources);
        return sources.Count > 0 ? sources : throw new AnalysisException("The query has no streaming source.");

        static void Collect(LogicalPlan node, List<StreamingSourcePlan> sources)
        {
            switch (node)
            {
                case StreamingSourcePlan source when !sources.Contains(source):
                    sources.Add(source);
                    break;
                case UnaryPlan unary:
                    Collect(unary.Child, sources);
                    break;
                case UnionPlan union:
                    foreach (LogicalPlan child in union.Children)
                    {
                        Collect(child, sources);
                    }
                    break;
            }
        }
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

/// <summary>
/// Spark's UNION ALL: the rows of every child, matched by position (not by name); the schema is the first child's.
/// The children's partitions are kept side by side, so the steps after it run one task per child partition.
/// </summary>
internal sealed class UnionPlan : LogicalPlan
{
    public UnionPlan(LogicalPlan first, LogicalPlan second)
    {
        int columns = first.Schema.Fields.Count;
        if (second.Schema.Fields.Count != columns)
        {
            // Spark flattens a chain of unions before it checks them, so the input is named by its place in the chain.
            string input = Ordinal(Flatten(first).Count() + 1);
            throw new AnalysisException("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of " +
                $"columns, but the first input has {columns} columns and the {input} input has {second.Schema.Fields.Count} columns.");
        }
        for (int i = 0; i < columns; i++)
        {
            DataType expected = first.Schema.Fields[i].DataType;
            DataType actual = second.Schema.Fields[i].DataType;
            if (expected.SimpleString != actual.SimpleString)
            {
                throw new AnalysisException($"Union can only be performed on tables with compatible column types. Column " +
                    $"{i + 1} ({second.Schema.Fields[i].Name}) of the second table is {actual.SimpleString}, which is not " +
                    $"{expected.SimpleString} as in the first table ({first.Schema.Fields[i].Name}); the engine does not widen types");
            }
        }
        // A union of unions is one flat union, as Spark's optimizer makes it.
        Children = [.. Flatten(first), .. Flatten(second)];
    }

    public IReadOnlyList<LogicalPlan> Children { get; }

    public override StructType Schema => Children[0].Schema;

    public override bool IsStreaming => Children.Any(c => c.IsStreaming);

    private static IEnumerable<LogicalPlan> Flatten(LogicalPlan plan) => plan is UnionPlan union ? union.Children : [plan];

    /// <summary>Spark's ordinal words in error messages: first, second, third, then 4th, 5th, ...</summary>
    private static string Ordinal(int position) => position switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        _ => $"{position}th",
    };
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

/// <summary>
/// Spreads rows over N partitions: round-robin, or by the hash of the partitioning expressions, so that rows with equal
/// values land in the same partition, in the order they came.
/// </summary>
internal sealed class RepartitionPlan : UnaryPlan
{
    public RepartitionPlan(LogicalPlan child, int numPartitions, IReadOnlyList<Expression>? partitionBy = null)
        : base(child)
    {
        NumPartitions = numPartitions > 0
            ? numPartitions
            : throw new ArgumentException($"Number of partitions ({numPartitions}) must be positive.", nameof(numPartitions));
        PartitionBy = (partitionBy ?? []).Select(e => e.Bind(child.Schema).Evaluate).ToArray();
    }

    public int NumPartitions { get; }

    /// <summary>The bound partitioning expressions; empty for round-robin.</summary>
    public Func<object?[], object?>[] PartitionBy { get; }
}
