using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Sources;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Plans;

/// <summary>A node of a DataFrame's query plan; the schema is resolved when the node is built, like Spark's analysis.</summary>
internal abstract class LogicalPlan
{
    public abstract StructType Schema { get; }

    public abstract bool IsStreaming { get; }

    /// <summary>One line describing this node for Explain().</summary>
    public abstract string Describe();

    public virtual LogicalPlan? Child => null;

    public string TreeString()
    {
        var lines = new List<string>();
        int depth = 0;
        for (LogicalPlan? node = this; node is not null; node = node.Child, depth++)
        {
            lines.Add((depth == 0 ? "" : new string(' ', (depth - 1) * 3) + "+- ") + node.Describe());
        }
        return string.Join("\n", lines);
    }
}

/// <summary>The rows of one streaming source, handed in per micro-batch.</summary>
internal sealed class StreamingSourcePlan(SocketSourceOptions options) : LogicalPlan
{
    public SocketSourceOptions Options { get; } = options;

    public override StructType Schema { get; } = SocketSourceOptions.SchemaFor(options.IncludeTimestamp);

    public override bool IsStreaming => true;

    public override string Describe() =>
        $"StreamingRelation socket [{string.Join(", ", Schema.Fields.Select(f => f.Name))}] host={Options.Host} port={Options.Port}";
}

/// <summary>Rows already in memory, partitioned (CreateDataFrame, or one micro-batch handed to ForeachBatch).</summary>
internal sealed class LocalRelationPlan(IReadOnlyList<List<object?[]>> partitions, StructType schema) : LogicalPlan
{
    public IReadOnlyList<List<object?[]>> Partitions { get; } = partitions;

    public override StructType Schema { get; } = schema;

    public override bool IsStreaming => false;

    public override string Describe() =>
        $"LocalRelation [{string.Join(", ", Schema.Fields.Select(f => f.Name))}] {Partitions.Sum(p => p.Count)} rows";
}

internal sealed class ProjectPlan : LogicalPlan
{
    public ProjectPlan(LogicalPlan child, IReadOnlyList<Expression> expressions)
    {
        ChildPlan = child;
        Expressions = expressions;
        Schema = new StructType(expressions.Select(e => new StructField(e.OutputName, e.Bind(child.Schema).Type)));
    }

    public LogicalPlan ChildPlan { get; }

    public IReadOnlyList<Expression> Expressions { get; }

    public override LogicalPlan Child => ChildPlan;

    public override StructType Schema { get; }

    public override bool IsStreaming => ChildPlan.IsStreaming;

    public override string Describe() => $"Project [{string.Join(", ", Expressions.Select(e => e.Sql))}]";
}

internal sealed class FilterPlan : LogicalPlan
{
    public FilterPlan(LogicalPlan child, Expression condition)
    {
        ChildPlan = child;
        Condition = condition;
        BooleanOperand.Bind(condition, child.Schema);
    }

    public LogicalPlan ChildPlan { get; }

    public Expression Condition { get; }

    public override LogicalPlan Child => ChildPlan;

    public override StructType Schema => ChildPlan.Schema;

    public override bool IsStreaming => ChildPlan.IsStreaming;

    public override string Describe() => $"Filter {Condition.Sql}";
}

/// <summary>Spreads rows over N partitions: round-robin without keys, by hash of the keys otherwise.</summary>
internal sealed class RepartitionPlan : LogicalPlan
{
    public RepartitionPlan(LogicalPlan child, int numPartitions, IReadOnlyList<Expression> keys)
    {
        if (numPartitions <= 0)
        {
            throw new ArgumentException($"Number of partitions ({numPartitions}) must be positive.", nameof(numPartitions));
        }
        ChildPlan = child;
        NumPartitions = numPartitions;
        Keys = keys;
        foreach (Expression key in keys)
        {
            key.Bind(child.Schema);
        }
    }

    public LogicalPlan ChildPlan { get; }

    public int NumPartitions { get; }

    public IReadOnlyList<Expression> Keys { get; }

    public override LogicalPlan Child => ChildPlan;

    public override StructType Schema => ChildPlan.Schema;

    public override bool IsStreaming => ChildPlan.IsStreaming;

    public override string Describe() => Keys.Count == 0
        ? $"Repartition {NumPartitions}, RoundRobinPartitioning"
        : $"RepartitionByExpression [{string.Join(", ", Keys.Select(k => k.Sql))}], {NumPartitions}";
}
