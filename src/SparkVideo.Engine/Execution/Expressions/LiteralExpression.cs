using SparkVideo.Engine.Formats;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>A constant value; like Spark's lit, its column is named by the value's text ("cam1", "1.5").</summary>
internal sealed class LiteralExpression : Expression
{
    private readonly object? _value;
    private readonly DataType _type;

    public LiteralExpression(object? value)
    {
        _value = value;
        _type = value switch
        {
            null => new StringType(), // Spark's NullType is not offered; a null literal reads as a null string
            string => new StringType(),
            double => new DoubleType(),
            int => new IntegerType(),
            bool => new BooleanType(),
            _ => throw new NotSupportedException($"Literal of type {value.GetType().Name} is not supported by the engine " +
                "(string, double, int and bool are)."),
        };
    }

    public override string Sql => _value is null ? "NULL" : CellFormatter.Format(_value);

    public override BoundExpression Bind(StructType input)
    {
        object? value = _value;
        return new BoundExpression(_type, _ => value);
    }
}
