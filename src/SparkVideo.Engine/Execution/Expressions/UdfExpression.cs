using SparkVideo.Engine.Formats;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>A call of a user-defined function on argument columns.</summary>
internal sealed class UdfExpression(UserDefinedFunction function, IReadOnlyList<Expression> arguments) : Expression
{
    public override string Sql => $"{function.Name}({string.Join(", ", arguments.Select(a => a.OutputName))})";

    public override BoundExpression Bind(StructType input)
    {
        Func<object?[], object?>[] evaluators = arguments.Select(a => a.Bind(input).Evaluate).ToArray();
        string[] argumentNames = arguments.Select(a => a.OutputName).ToArray();
        string sql = Sql;
        return new BoundExpression(function.ReturnType, row =>
        {
            var args = new object?[evaluators.Length];
            for (int i = 0; i < evaluators.Length; i++)
            {
                args[i] = evaluators[i](row);
            }
            try
            {
                return function.Invoke(args);
            }
            catch (Exception e) when (e is not OperationCanceledException and not UdfFailureException)
            {
                throw new UdfFailureException(sql, argumentNames, args, e);
            }
        });
    }
}

/// <summary>A UDF threw: carries the call and the failing row's argument values (each cut to a readable length).</summary>
internal sealed class UdfFailureException(string call, IReadOnlyList<string> argumentNames, object?[] arguments, Exception inner)
    : Exception(Describe(call, argumentNames, arguments, inner), inner)
{
    private const int MaxValueChars = 120;

    private static string Describe(string call, IReadOnlyList<string> names, object?[] values, Exception inner)
    {
        IEnumerable<string> shown = names.Select((name, i) => $"{name}={Show(values[i])}");
        return $"Failed to execute user defined function ({call}) on row with arguments ({string.Join(", ", shown)}): " +
            $"{inner.GetType().Name}: {inner.Message}";
    }

    private static string Show(object? value)
    {
        if (value is null)
        {
            return "null";
        }
        string text = value is string s ? s : CellFormatter.Format(value);
        string cut = text.Length > MaxValueChars ? $"{text[..MaxValueChars]}...({text.Length} chars)" : text;
        return value is string ? $"\"{cut}\"" : cut;
    }
}
