using System.Globalization;
using SparkVideo.Engine.Sinks;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

internal sealed class AliasExpression(Expression child, string alias) : Expression
{
    public Expression Child { get; } = child;

    public override string Sql => $"{Child.Sql} AS {alias}";

    public override string OutputName => alias;

    public override BoundExpression Bind(StructType input) => Child.Bind(input);
}

internal sealed class IsNullExpression(Expression child, bool negated) : Expression
{
    public override string Sql => negated ? $"({child.Sql} IS NOT NULL)" : $"({child.Sql} IS NULL)";

    public override BoundExpression Bind(StructType input)
    {
        Func<object?[], object?> evaluate = child.Bind(input).Evaluate;
        return negated
            ? new BoundExpression(new BooleanType(), row => evaluate(row) is not null)
            : new BoundExpression(new BooleanType(), row => evaluate(row) is null);
    }
}

internal sealed class LiteralExpression : Expression
{
    private readonly object? _value;
    private readonly DataType _type;

    public LiteralExpression(object? value)
    {
        (_value, _type) = value switch
        {
            null => ((object?)null, (DataType)new NullType()),
            string s => (s, new StringType()),
            int i => (i, new IntegerType()),
            long l => (l, new LongType()),
            double d => (d, new DoubleType()),
            float f => (f, new FloatType()),
            bool b => (b, new BooleanType()),
            short s => ((int)s, new IntegerType()),
            byte b => ((int)b, new IntegerType()),
            DateTime t => (t.ToUniversalTime(), new TimestampType()),
            _ => throw new NotSupportedException($"Unsupported literal type {value.GetType().Name}: the engine supports " +
                "null, string, int, long, double, float, bool and DateTime literals."),
        };
    }

    public override string Sql => _value switch
    {
        null => "NULL",
        string s => s,
        _ => CellFormatter.Format(_value),
    };

    public override BoundExpression Bind(StructType input)
    {
        object? value = _value;
        return new BoundExpression(_type, _ => value);
    }
}

internal sealed class LogicalExpression(Expression left, Expression right, bool isAnd) : Expression
{
    public override string Sql => $"({left.Sql} {(isAnd ? "AND" : "OR")} {right.Sql})";

    public override BoundExpression Bind(StructType input)
    {
        Func<object?[], object?> l = BooleanOperand.Bind(left, input);
        Func<object?[], object?> r = BooleanOperand.Bind(right, input);
        // SQL three-valued logic: false AND null = false, true OR null = true, otherwise null wins.
        return isAnd
            ? new BoundExpression(new BooleanType(), row =>
            {
                object? a = l(row);
                if (a is false) return false;
                object? b = r(row);
                if (b is false) return false;
                return a is null || b is null ? null : true;
            })
            : new BoundExpression(new BooleanType(), row =>
            {
                object? a = l(row);
                if (a is true) return true;
                object? b = r(row);
                if (b is true) return true;
                return a is null || b is null ? null : false;
            });
    }
}

internal sealed class NotExpression(Expression child) : Expression
{
    public override string Sql => $"(NOT {child.Sql})";

    public override BoundExpression Bind(StructType input)
    {
        Func<object?[], object?> evaluate = BooleanOperand.Bind(child, input);
        return new BoundExpression(new BooleanType(), row => evaluate(row) is bool b ? !b : null);
    }
}

internal static class BooleanOperand
{
    public static Func<object?[], object?> Bind(Expression expression, StructType input)
    {
        BoundExpression bound = expression.Bind(input);
        if (bound.Type is not (BooleanType or NullType))
        {
            throw new AnalysisException($"[DATATYPE_MISMATCH] \"{expression.Sql}\" is of type " +
                $"\"{bound.Type.SimpleString.ToUpperInvariant()}\" where \"BOOLEAN\" is required.");
        }
        return bound.Evaluate;
    }
}

/// <summary>=, !=, &lt;, &lt;=, &gt;, &gt;= with SQL null semantics; numbers compare as numbers, strings ordinally.</summary>
internal sealed class ComparisonExpression(Expression left, Expression right, string op) : Expression
{
    public override string Sql => $"({left.Sql} {op} {right.Sql})";

    public override BoundExpression Bind(StructType input)
    {
        Func<object?[], object?> l = left.Bind(input).Evaluate;
        Func<object?[], object?> r = right.Bind(input).Evaluate;
        Func<int, bool> accept = op switch
        {
            "=" => c => c == 0,
            "!=" => c => c != 0,
            "<" => c => c < 0,
            "<=" => c => c <= 0,
            ">" => c => c > 0,
            ">=" => c => c >= 0,
            _ => throw new ArgumentException($"Unknown comparison operator {op}"),
        };
        return new BoundExpression(new BooleanType(), row =>
        {
            int? c = Compare(l(row), r(row));
            return c is { } value ? accept(value) : null;
        });
    }

    private static int? Compare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }
        if (a is string sa && b is string sb)
        {
            return string.CompareOrdinal(sa, sb);
        }
        if (a is bool ba && b is bool bb)
        {
            return ba.CompareTo(bb);
        }
        if (a is DateTime ta && b is DateTime tb)
        {
            return ta.CompareTo(tb);
        }
        double? da = ToDouble(a), db = ToDouble(b);
        return da is { } x && db is { } y ? x.CompareTo(y) : null;
    }

    private static double? ToDouble(object value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };
}
