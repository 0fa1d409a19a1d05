using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>A filter condition: an expression that must be of boolean type.</summary>
internal static class BooleanCondition
{
    public static Func<object?[], object?> Bind(Expression expression, StructType input)
    {
        BoundExpression bound = expression.Bind(input);
        if (bound.Type is not BooleanType)
        {
            throw new AnalysisException($"[DATATYPE_MISMATCH] \"{expression.Sql}\" is of type " +
                $"\"{bound.Type.SimpleString.ToUpperInvariant()}\" where \"BOOLEAN\" is required.");
        }
        return bound.Evaluate;
    }
}
