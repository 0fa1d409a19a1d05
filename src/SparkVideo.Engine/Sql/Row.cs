using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

// Values may be null: the members are nullable-oblivious, as Microsoft.Spark's are, so callers get the same warnings.
#nullable disable annotations

/// <summary>A row returned by Collect(): values with their schema; nested structs are Rows too.</summary>
public sealed class Row
{
    private readonly StructType _schema;

    internal Row(object[] values, StructType schema)
    {
        _schema = schema;
        Values = new object[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            Values[i] = values[i] is object[] nested && schema.Fields[i].DataType is StructType nestedType
                ? new Row(nested, nestedType)
                : values[i];
        }
    }

    public object[] Values { get; }

    public object Get(int index) => Values[index];

    public object Get(string columnName)
    {
        int index = _schema.FindFieldIndex(columnName);
        return index >= 0 ? Values[index] : throw new ArgumentException($"No column named {columnName}.", nameof(columnName));
    }

    public T GetAs<T>(string columnName) => (T)Get(columnName)!;
}
