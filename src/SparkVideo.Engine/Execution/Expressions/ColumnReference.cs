using System.Text;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>A column named by "a", "a.b" (nested field) or "`a.b`" (a name containing a dot).</summary>
internal sealed class ColumnReference(IReadOnlyList<string> nameParts, string text) : Expression
{
    public IReadOnlyList<string> NameParts { get; } = nameParts;

    public override string Sql => text;

    public override string OutputName => NameParts[^1];

    /// <summary>Builds a reference, or a star (all columns, or all fields of a struct) for "*" and "a.*".</summary>
    public static Expression Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyList<string> parts = SplitName(name);
        if (parts[^1] == "*" && !name.EndsWith("`*`", StringComparison.Ordinal))
        {
            return new StarExpression(parts.Take(parts.Count - 1).ToArray());
        }
        return new ColumnReference(parts, name);
    }

    public override BoundExpression Bind(StructType input)
    {
        int index = input.FindFieldIndex(NameParts[0]);
        if (index < 0)
        {
            throw Unresolved(NameParts[0], input);
        }
        Func<object?[], object?> evaluate = row => row[index];
        DataType type = input.Fields[index].DataType;
        for (int i = 1; i < NameParts.Count; i++)
        {
            (type, evaluate) = FieldAccess.Compose(type, evaluate, NameParts[i], string.Join('.', NameParts.Take(i)));
        }
        return new BoundExpression(type, evaluate);
    }

    internal static AnalysisException Unresolved(string name, StructType input) =>
        new($"[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `{name}` cannot be " +
            $"resolved. Did you mean one of the following? [{string.Join(", ", input.Fields.Select(f => $"`{f.Name}`"))}].");

    private static List<string> SplitName(string name)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        bool inBackticks = false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '`')
            {
                if (inBackticks && i + 1 < name.Length && name[i + 1] == '`')
                {
                    current.Append('`');
                    i++;
                }
                else
                {
                    inBackticks = !inBackticks;
                }
            }
            else if (c == '.' && !inBackticks)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (inBackticks)
        {
            throw new AnalysisException($"[PARSE_SYNTAX_ERROR] Unclosed backtick in column name {name}.");
        }
        parts.Add(current.ToString());
        return parts;
    }
}

/// <summary>"*" or "struct.*": expanded into one column per field when selected.</summary>
internal sealed class StarExpression(IReadOnlyList<string> qualifier) : Expression
{
    public IReadOnlyList<string> Qualifier { get; } = qualifier;

    public override string Sql => Qualifier.Count == 0 ? "*" : string.Join('.', Qualifier) + ".*";

    public override BoundExpression Bind(StructType input) =>
        throw new AnalysisException($"Invalid usage of '*' in expression: {Sql} can only be used in Select.");

    /// <summary>The expressions "*" stands for against this input schema.</summary>
    public IEnumerable<Expression> Expand(StructType input)
    {
        if (Qualifier.Count == 0)
        {
            return input.Fields.Select((f, i) => (Expression)new OrdinalReference(i, f.Name));
        }
        string owner = string.Join('.', Qualifier);
        if (new ColumnReference(Qualifier, owner).Bind(input).Type is not StructType structType)
        {
            throw new AnalysisException($"Can only star expand struct data types. Attribute: `{owner}`.");
        }
        return structType.Fields.Select(f => (Expression)new ColumnReference([.. Qualifier, f.Name], $"{owner}.{f.Name}"));
    }
}

/// <summary>A top-level column by position (what "*" expands to, safe for names with dots).</summary>
internal sealed class OrdinalReference(int index, string name) : Expression
{
    public override string Sql => name;

    public override BoundExpression Bind(StructType input) =>
        new(input.Fields[index].DataType, row => row[index]);
}

internal static class FieldAccess
{
    /// <summary>Extends an evaluator of a struct value with the lookup of one of its fields (null struct gives null).</summary>
    public static (DataType, Func<object?[], object?>) Compose(DataType type, Func<object?[], object?> evaluate, string field, string owner)
    {
        if (type is not StructType structType)
        {
            throw new AnalysisException($"[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from `{owner}`. " +
                $"Need a complex type [STRUCT], but got \"{type.SimpleString.ToUpperInvariant()}\".");
        }
        int index = structType.FindFieldIndex(field);
        if (index < 0)
        {
            throw new AnalysisException($"[FIELD_NOT_FOUND] No such struct field `{field}` in " +
                $"{string.Join(", ", structType.Fields.Select(f => $"`{f.Name}`"))}.");
        }
        return (structType.Fields[index].DataType, row => evaluate(row) is object?[] value ? value[index] : null);
    }
}
