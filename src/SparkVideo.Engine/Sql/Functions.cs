using SparkVideo.Engine.Execution.Expressions;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

/// <summary>Column functions of the subset the SparkVideo job uses; Udf overloads are in Functions.Udf.cs.</summary>
public static partial class Functions
{
    /// <summary>A column by name: "value", "data.frame_data" (nested field), "data.*" or "*" (star, in Select).</summary>
    public static Column Column(string columnName) => new(ColumnReference.Parse(columnName));

    public static Column Col(string columnName) => Column(columnName);

    /// <summary>A literal value; a Column is returned as it is, as Spark does.</summary>
    public static Column Lit(object? literal) => literal is Column column ? column : new Column(new LiteralExpression(literal));

    /// <summary>Parses JSON text into a struct; schema is a DDL string or the JSON of a StructType.</summary>
    public static Column FromJson(Column column, string schema, Dictionary<string, string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(schema);
        return new Column(new FromJsonExpression(column.Expression, DdlSchemaParser.ParseSchema(schema), options));
    }

    /// <summary>from_json with the schema given as a literal column (Lit(ddl) or Lit(schema.Json)).</summary>
    public static Column FromJson(Column column, Column schema, Dictionary<string, string>? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Expression.Bind(new StructType([])).Evaluate([]) is not string text)
        {
            throw new AnalysisException($"[INVALID_SCHEMA.NON_STRING_LITERAL] The input schema \"{schema}\" must be a string literal.");
        }
        return FromJson(column, text, options);
    }
}
