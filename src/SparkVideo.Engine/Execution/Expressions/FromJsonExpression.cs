using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>from_json(column, schema) in PERMISSIVE mode, the only mode the engine offers.</summary>
internal sealed class FromJsonExpression : Expression
{
    private readonly Expression _child;
    private readonly StructType _schema;

    public FromJsonExpression(Expression child, StructType schema, IReadOnlyDictionary<string, string>? options)
    {
        _child = child;
        _schema = schema;
        foreach ((string key, string value) in options ?? new Dictionary<string, string>())
        {
            bool permissive = string.Equals(key, "mode", StringComparison.OrdinalIgnoreCase)
                && string.Equals(value, "PERMISSIVE", StringComparison.OrdinalIgnoreCase);
            if (!permissive)
            {
                throw new NotSupportedException($"from_json option '{key}'='{value}' is not supported by the engine " +
                    "(only mode=PERMISSIVE, the default).");
            }
        }
    }

    public override string Sql => $"from_json({_child.Sql})";

    public override BoundExpression Bind(StructType input)
    {
        BoundExpression child = _child.Bind(input);
        if (child.Type is not (StringType or NullType))
        {
            throw new AnalysisException($"[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"{Sql}\": " +
                $"the input must be a STRING, not \"{child.Type.SimpleString.ToUpperInvariant()}\".");
        }
        var parser = new JsonStructParser(_schema);
        Func<object?[], object?> evaluate = child.Evaluate;
        return new BoundExpression(_schema, row => evaluate(row) is string json ? parser.Parse(json) : null);
    }
}
