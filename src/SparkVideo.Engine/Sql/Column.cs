using SparkVideo.Engine.Execution.Expressions;

namespace SparkVideo.Engine.Sql;

/// <summary>A column expression: a name, from_json of a column, a UDF call.</summary>
public sealed class Column
{
    internal Column(Expression expression) => Expression = expression;

    internal Expression Expression { get; }

    /// <summary>Names the column; re-aliasing replaces the old alias, as Spark shows a single name.</summary>
    public Column Alias(string alias) =>
        new(new AliasExpression(Expression is AliasExpression aliased ? aliased.Child : Expression, alias));
}
