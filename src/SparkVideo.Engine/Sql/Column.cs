using SparkVideo.Engine.Execution.Expressions;

namespace SparkVideo.Engine.Sql;

/// <summary>A column expression: a name, a literal, a function of other columns.</summary>
public sealed class Column
{
    internal Column(Expression expression) => Expression = expression;

    internal Expression Expression { get; }

    public Column Alias(string alias) => new(new AliasExpression(StripAlias(), alias));

    public Column As(string alias) => Alias(alias);

    public Column IsNull() => new(new IsNullExpression(Expression, negated: false));

    public Column IsNotNull() => new(new IsNullExpression(Expression, negated: true));

    public Column GetField(string fieldName) => new(new GetFieldExpression(Expression, fieldName));

    public Column Or(Column other) => new(new LogicalExpression(Expression, other.Expression, isAnd: false));

    public Column And(Column other) => new(new LogicalExpression(Expression, other.Expression, isAnd: true));

    public Column EqualTo(object rhs) => Compare(rhs, "=");

    public Column NotEqual(object rhs) => Compare(rhs, "!=");

    public Column Gt(object rhs) => Compare(rhs, ">");

    public Column Lt(object rhs) => Compare(rhs, "<");

    public Column Geq(object rhs) => Compare(rhs, ">=");

    public Column Leq(object rhs) => Compare(rhs, "<=");

    public static Column operator |(Column lhs, Column rhs) => lhs.Or(rhs);

    public static Column operator &(Column lhs, Column rhs) => lhs.And(rhs);

    public static Column operator !(Column self) => new(new NotExpression(self.Expression));

    public static Column operator >(Column lhs, object rhs) => lhs.Gt(rhs);

    public static Column operator <(Column lhs, object rhs) => lhs.Lt(rhs);

    public static Column operator >=(Column lhs, object rhs) => lhs.Geq(rhs);

    public static Column operator <=(Column lhs, object rhs) => lhs.Leq(rhs);

    public override string ToString() => Expression.Sql;

    private Column Compare(object rhs, string op) =>
        new(new ComparisonExpression(Expression, rhs is Column c ? c.Expression : new LiteralExpression(rhs), op));

    // Re-aliasing replaces the old alias rather than stacking them, as Spark shows a single name.
    private Expression StripAlias() => Expression is AliasExpression alias ? alias.Child : Expression;
}
