using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

internal sealed class AliasExpression(Expression child, string alias) : Expression
{
    public Expression Child { get; } = child;

    public override string Sql => $"{Child.Sql} AS {alias}";

    public override string OutputName => alias;

    public override BoundExpression Bind(StructType input) => Child.Bind(input);
}
