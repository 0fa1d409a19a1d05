using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sinks;
using SparkVideo.Engine.Sql.Streaming;
using SparkVideo.Engine.Sql.Types;

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

    /// <summary>A column of this DataFrame; it must exist.</summary>
    public Column this[string columnName] => Col(columnName);

    public Column Col(string colName)
    {
        Column column = Functions.Col(colName);
        if (column.Expression is not StarExpression)
        {
            column.Expression.Bind(Plan.Schema);
        }
        return column;
    }

    public StructType Schema() => Plan.Schema;

    public IReadOnlyList<string> Columns() => Plan.Schema.Fields.Select(f => f.Name).ToArray();

    public bool IsStreaming() => Plan.IsStreaming;

    public void PrintSchema()
    {
        var lines = new List<string> { "root" };
        AppendSchema(lines, Plan.Schema, " |-- ");
        Session.Settings.ConsoleOut.Write(string.Join("\n", lines) + "\n\n");
    }

    public void Explain(bool extended = false) =>
        Session.Settings.ConsoleOut.Write($"== Physical Plan ==\n{Plan.TreeString()}\n\n");

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

    /// <summary>A SQL condition: names, literals, IS [NOT] NULL, comparisons, AND, OR, NOT, parentheses.</summary>
    public DataFrame Filter(string conditionExpr) => With(new FilterPlan(Plan, ConditionParser.Parse(conditionExpr)));

    public DataFrame Where(Column condition) => Filter(condition);

    public DataFrame Where(string conditionExpr) => Filter(conditionExpr);

    /// <summary>Adds a column, or replaces the column of that name in place.</summary>
    public DataFrame WithColumn(string colName, Column col)
    {
        var expressions = new List<Expression>();
        bool replaced = false;
        for (int i = 0; i < Plan.Schema.Fields.Count; i++)
        {
            string name = Plan.Schema.Fields[i].Name;
            if (string.Equals(name, colName, StringComparison.OrdinalIgnoreCase))
            {
                expressions.Add(new AliasExpression(col.Expression, colName));
                replaced = true;
            }
            else
            {
                expressions.Add(new OrdinalReference(i, name));
            }
        }
        if (!replaced)
        {
            expressions.Add(new AliasExpression(col.Expression, colName));
        }
        return With(new ProjectPlan(Plan, expressions));
    }

    public DataFrame Repartition(int numPartitions) => With(new RepartitionPlan(Plan, numPartitions, []));

    public DataFrame Repartition(int numPartitions, params Column[] partitionExprs) =>
        With(new RepartitionPlan(Plan, numPartitions, partitionExprs.Select(c => c.Expression).ToArray()));

    /// <summary>Hash partitioning into spark.sql.shuffle.partitions (default 200) partitions.</summary>
    public DataFrame Repartition(params Column[] partitionExprs) =>
        Repartition(int.Parse(Session.GetConf("spark.sql.shuffle.partitions") ?? "200", System.Globalization.CultureInfo.InvariantCulture), partitionExprs);

    public IEnumerable<Row> Collect()
    {
        StructType schema = Plan.Schema;
        return ExecuteBatch().SelectMany(p => p).Select(values => new Row(values, schema)).ToList();
    }

    public long Count() => ExecuteBatch().Sum(p => (long)p.Count);

    /// <summary>Prints the first rows as a table (truncate: cell length limit, 0 for none).</summary>
    public void Show(int numRows = 20, int truncate = 20, bool vertical = false)
    {
        if (vertical)
        {
            throw new NotSupportedException("Show(vertical: true) is not supported by the embedded engine.");
        }
        List<object?[]> rows = ExecuteBatch().SelectMany(p => p).Take(numRows + 1).ToList();
        string table = ShowTableFormatter.Format(Columns(), rows, numRows, truncate);
        Session.Settings.ConsoleOut.Write(table + "\n");
    }

    public DataStreamWriter WriteStream() => Plan.IsStreaming
        ? new DataStreamWriter(this)
        : throw new AnalysisException("'writeStream' can be called only on streaming Dataset/DataFrame");

    private DataFrame With(LogicalPlan plan) => new(Session, plan);

    private IReadOnlyList<List<object?[]>> ExecuteBatch()
    {
        if (Plan.IsStreaming)
        {
            throw new AnalysisException("Queries with streaming sources must be executed with writeStream.start();");
        }
        return new PlanExecutor(Session.Context.Parallelism, CancellationToken.None).Execute(Plan, null);
    }

    private static void AppendSchema(List<string> lines, StructType schema, string prefix)
    {
        foreach (StructField field in schema.Fields)
        {
            string typeName = field.DataType is StructType ? "struct" : field.DataType.SimpleString;
            lines.Add($"{prefix}{field.Name}: {typeName} (nullable = {(field.IsNullable ? "true" : "false")})");
            if (field.DataType is StructType nested)
            {
                AppendSchema(lines, nested, prefix[..^4] + "|    |-- ");
            }
        }
    }
}
