// The shape of dotnet/spark's Functions.Udf, for the arities the job (3, 4, 5) and the engine tests (1, 2) call.
using SparkVideo.Engine.Execution.Expressions;

namespace SparkVideo.Engine.Sql;

public static partial class Functions
{
    public static Func<Column, Column> Udf<T, TResult>(Func<T, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, a => udf(UserDefinedFunction.Arg<T>(a, 0)));
        return (c0) => Call(function, c0);
    }

    public static Func<Column, Column, Column> Udf<T1, T2, TResult>(Func<T1, T2, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, a => udf(
            UserDefinedFunction.Arg<T1>(a, 0),
            UserDefinedFunction.Arg<T2>(a, 1)));
        return (c0, c1) => Call(function, c0, c1);
    }

    public static Func<Column, Column, Column, Column> Udf<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, a => udf(
            UserDefinedFunction.Arg<T1>(a, 0),
            UserDefinedFunction.Arg<T2>(a, 1),
            UserDefinedFunction.Arg<T3>(a, 2)));
        return (c0, c1, c2) => Call(function, c0, c1, c2);
    }

    public static Func<Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, a => udf(
            UserDefinedFunction.Arg<T1>(a, 0),
            UserDefinedFunction.Arg<T2>(a, 1),
            UserDefinedFunction.Arg<T3>(a, 2),
            UserDefinedFunction.Arg<T4>(a, 3)));
        return (c0, c1, c2, c3) => Call(function, c0, c1, c2, c3);
    }

    public static Func<Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, TResult>(
        Func<T1, T2, T3, T4, T5, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, a => udf(
            UserDefinedFunction.Arg<T1>(a, 0),
            UserDefinedFunction.Arg<T2>(a, 1),
            UserDefinedFunction.Arg<T3>(a, 2),
            UserDefinedFunction.Arg<T4>(a, 3),
            UserDefinedFunction.Arg<T5>(a, 4)));
        return (c0, c1, c2, c3, c4) => Call(function, c0, c1, c2, c3, c4);
    }

    private static Column Call(UserDefinedFunction function, params Column[] arguments) =>
        new(new UdfExpression(function, [.. arguments.Select(c => c.Expression)]));
}
