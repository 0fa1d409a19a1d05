using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>An unresolved node of a column expression tree, as built by the Column API.</summary>
internal abstract class Expression
{
    /// <summary>Readable text of the expression, Spark style ("from_json(value)", "UDF(frame_data, timestamp)").</summary>
    public abstract string Sql { get; }

    /// <summary>The column name this expression gets when selected without an alias.</summary>
    public virtual string OutputName => Sql;

    /// <summary>Resolves column names and types against the input schema and compiles an evaluator.</summary>
    public abstract BoundExpression Bind(StructType input);

    public override string ToString() => Sql;
}

/// <summary>A resolved expression: its result type and a function evaluating it over one input row.</summary>
internal sealed record BoundExpression(DataType Type, Func<object?[], object?> Evaluate);
