using System.Globalization;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>A .NET delegate wrapped for use in column expressions: its name, Spark return type and an untyped invoker.</summary>
internal sealed class UserDefinedFunction
{
    private readonly Func<object?[], object?> _invoke;

    private UserDefinedFunction(string name, DataType returnType, Func<object?[], object?> invoke)
    {
        Name = name;
        ReturnType = returnType;
        _invoke = invoke;
    }

    public string Name { get; }

    public DataType ReturnType { get; }

    public static UserDefinedFunction Create<TResult>(Delegate udf, Func<object?[], TResult> invoke)
    {
        ArgumentNullException.ThrowIfNull(udf);
        DataType returnType = SparkTypeOf(typeof(TResult));
        // Lambdas compile to methods named like "<Main>b__0_0": Spark shows such UDFs by a generic name.
        string name = udf.Method.Name.StartsWith('<') ? "UDF" : udf.Method.Name;
        return new UserDefinedFunction(name, returnType, args => invoke(args));
    }

    public object? Invoke(object?[] args) => _invoke(args);

    /// <summary>Converts one engine value to the UDF's parameter type; null becomes null or the type's default.</summary>
    public static T Arg<T>(object?[] args, int index)
    {
        object? value = args[index];
        if (value is null)
        {
            return default!;
        }
        if (value is T typed)
        {
            return typed;
        }
        Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static DataType SparkTypeOf(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
            return new StringType();
        if (t == typeof(double))
            return new DoubleType();
        if (t == typeof(int))
            return new IntegerType();
        if (t == typeof(bool))
            return new BooleanType();
        throw new NotSupportedException($"UDF return type {type.Name} is not supported by the engine " +
            "(string, double, int, bool and their nullable forms are).");
    }
}
