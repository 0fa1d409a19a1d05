// Generated shape: one overload per arity, as dotnet/spark's Functions.Udf (0 to 10 arguments).
using SparkVideo.Engine.Execution.Expressions;

namespace SparkVideo.Engine.Sql;

public static partial class Functions
{
    public static Func<Column> Udf<TResult>(Func<TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 0, a => udf());
        return () => new Column(new UdfExpression(function, []));
    }

    public static Func<Column, Column> Udf<T, TResult>(Func<T, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 1, a => udf(UserDefinedFunction.Arg<T>(a, 0)));
        return (c0) => new Column(new UdfExpression(function, [c0.Expression]));
    }

    public static Func<Column, Column, Column> Udf<T1, T2, TResult>(Func<T1, T2, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 2, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1)));
        return (c0, c1) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression]));
    }

    public static Func<Column, Column, Column, Column> Udf<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 3, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2)));
        return (c0, c1, c2) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, TResult>(Func<T1, T2, T3, T4, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 4, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3)));
        return (c0, c1, c2, c3) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, TResult>(Func<T1, T2, T3, T4, T5, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 5, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4)));
        return (c0, c1, c2, c3, c4) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, T6, TResult>(Func<T1, T2, T3, T4, T5, T6, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 6, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4), UserDefinedFunction.Arg<T6>(a, 5)));
        return (c0, c1, c2, c3, c4, c5) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression, c5.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, T6, T7, TResult>(Func<T1, T2, T3, T4, T5, T6, T7, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 7, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4), UserDefinedFunction.Arg<T6>(a, 5), UserDefinedFunction.Arg<T7>(a, 6)));
        return (c0, c1, c2, c3, c4, c5, c6) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression, c5.Expression, c6.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 8, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4), UserDefinedFunction.Arg<T6>(a, 5), UserDefinedFunction.Arg<T7>(a, 6), UserDefinedFunction.Arg<T8>(a, 7)));
        return (c0, c1, c2, c3, c4, c5, c6, c7) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression, c5.Expression, c6.Expression, c7.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 9, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4), UserDefinedFunction.Arg<T6>(a, 5), UserDefinedFunction.Arg<T7>(a, 6), UserDefinedFunction.Arg<T8>(a, 7), UserDefinedFunction.Arg<T9>(a, 8)));
        return (c0, c1, c2, c3, c4, c5, c6, c7, c8) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression, c5.Expression, c6.Expression, c7.Expression, c8.Expression]));
    }

    public static Func<Column, Column, Column, Column, Column, Column, Column, Column, Column, Column, Column> Udf<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> udf)
    {
        UserDefinedFunction function = UserDefinedFunction.Create(udf, 10, a => udf(UserDefinedFunction.Arg<T1>(a, 0), UserDefinedFunction.Arg<T2>(a, 1), UserDefinedFunction.Arg<T3>(a, 2), UserDefinedFunction.Arg<T4>(a, 3), UserDefinedFunction.Arg<T5>(a, 4), UserDefinedFunction.Arg<T6>(a, 5), UserDefinedFunction.Arg<T7>(a, 6), UserDefinedFunction.Arg<T8>(a, 7), UserDefinedFunction.Arg<T9>(a, 8), UserDefinedFunction.Arg<T10>(a, 9)));
        return (c0, c1, c2, c3, c4, c5, c6, c7, c8, c9) => new Column(new UdfExpression(function, [c0.Expression, c1.Expression, c2.Expression, c3.Expression, c4.Expression, c5.Expression, c6.Expression, c7.Expression, c8.Expression, c9.Expression]));
    }
}
