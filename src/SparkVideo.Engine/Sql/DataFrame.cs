using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sql.Streaming;

namespace SparkVideo.Engine.Sql;

/// <summary>A lazily evaluated query: streaming when it reads a stream, in-memory otherwise.</summary>
public sealed class DataFrame
{
    internal DataFrame(SparkSession session, LogicalPlan plan)
    {
        Session = session;
        Plan = plan;
    }

    internal SparkSession Session { get; }

    internal LogicalPlan Plan { get; }

    public DataFrame Select(params Column[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var expressions = new List<Expression>();
        foreach (Column column in columns)
        {
            if (column.Expression is StarExpression star)
            {
                expressions.AddRange(star.Expand(Plan.Schema));
            }
            else
            {
                expressions.Add(column.Expression);
            }
        }
        return With(new ProjectPlan(Plan, expressions));
    }

    public DataFrame Select(string column, params string[] columns) =>
        Select(new[] { column }.Concat(columns).Select(Functions.Col).ToArray());

    public DataFrame Filter(Column condition) => With(new FilterPlan(Plan, condition.Expression));

    /// <summary>Round-robin over numPartitions partitions; the steps after it run as one task per partition.</summary>
    public DataFrame Repartition(int numPartitions) => With(new RepartitionPlan(Plan, numPartitions));

    /// <summary>
    /// Hash partitioning, as Spark's: rows with equal values of <paramref name="partitionExprs"/> go to the same one of
    /// numPartitions partitions (Spark's Murmur3 hash, pmod n), each partition keeping its rows in the order they came.
    /// </summary>
    public DataFrame Repartition(int numPartitions, params Column[] partitionExprs)
    {
        ArgumentNullException.ThrowIfNull(partitionExprs);
        return With(new RepartitionPlan(Plan, numPartitions, [.. partitionExprs.Select(c => c.Expression)]));
    }

    /// <summary>
    /// Spark's union (UNION ALL, no de-duplication): this DataFrame's rows and then <paramref name="other"/>'s, columns
    /// matched by position, with this DataFrame's schema. A streaming union reads every source it names.
    /// </summary>
    public DataFrame Union(DataFrame other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Session != Session)
        {
            throw new ArgumentException("Both DataFrames of a union must belong to the same SparkSession.", nameof(other));
        }
        return With(new UnionPlan(Plan, other.Plan));
    }

    public IEnumerable<Row> Collect()
    {
        if (Plan.IsStreaming)
        {
            throw new AnalysisException("Queries with streaming sources must be executed with writeStream.start();");
        }
        return new PlanExecutor(Session.Parallelism, CancellationToken.None).Execute(Plan, null)
            .SelectMany(p => p).Select(values => new Row(values, Plan.Schema)).ToList();
    }

    public DataStreamWriter WriteStream() => Plan.IsStreaming
        ? new DataStreamWriter(this)
        : throw new AnalysisException("'writeStream' can be called only on streaming Dataset/DataFrame");

    private DataFrame With(LogicalPlan plan) => new(Session, plan);
}
