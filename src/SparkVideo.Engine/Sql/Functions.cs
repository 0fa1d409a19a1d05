using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

/// <summary>Column functions of the subset the SparkVideo job uses; Udf overloads are in Functions.Udf.cs.</summary>
public static partial class Functions
{
    /// <summary>A column by name: "value", "data.frame_data" (nested field), "data.*" or "*" (star, in Select).</summary>
    public static Column Col(string columnName) => new(ColumnReference.Parse(columnName));

    /// <summary>A column holding the same value in every row (string, double, int or bool), named by the value.</summary>
    public static Column Lit(object literal) =>
        literal is Column column ? column : new Column(new LiteralExpression(literal));

    /// <summary>
    /// Parses JSON text into a struct (PERMISSIVE); schema is the JSON of a StructType (StructType.Json). Spark's
    /// from_json options (mode, dateFormat, ...) are not offered: the signature is Spark's, and any option is refused.
    /// </summary>
    public static Column FromJson(Column column, string schema, Dictionary<string, string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(schema);
        if (options is { Count: > 0 })
        {
            throw new NotSupportedException(
                $"The embedded engine's from_json takes no options; given: {string.Join(", ", options.Keys.Select(k => $"'{k}'"))}.");
        }
        return new Column(new FromJsonExpression(column.Expression, DataTypeJsonParser.ParseSchema(schema)));
    }
}
