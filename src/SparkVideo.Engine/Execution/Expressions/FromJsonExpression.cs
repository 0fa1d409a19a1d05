using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>from_json(column, schema) in PERMISSIVE mode, the only mode the engine offers.</summary>
internal sealed class FromJsonExpression(Expression child, StructType schema) : Expression
{
    public override string Sql => $"from_json({child.Sql})";

    public override BoundExpression Bind(StructType input)
    {
        BoundExpression bound = child.Bind(input);
        if (bound.Type is not StringType)
        {
            throw new AnalysisException($"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{Sql}\": " +
                $"the input must be a STRING, not \"{bound.Type.SimpleString.ToUpperInvariant()}\".");
        }
        var parser = new JsonStructParser(schema);
        Func<object?[], object?> evaluate = bound.Evaluate;
        return new BoundExpression(schema, row => evaluate(row) is string json ? parser.Parse(json) : null);
    }
}
