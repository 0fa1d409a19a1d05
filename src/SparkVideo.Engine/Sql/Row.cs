using SparkVideo.Engine.Sinks;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql;

// Values may be null: the members are nullable-oblivious, as Microsoft.Spark's are, so callers get the same warnings.
#nullable disable annotations

/// <summary>A row returned by Collect(): values with their schema; nested structs are Rows too.</summary>
public sealed class Row
{
    private readonly object[] _values;

    internal Row(object[] values, StructType schema)
    {
        if (values.Length != schema.Fields.Count)
        {
            throw new ArgumentException($"Column count mismatches: data:{values.Length}, schema:{schema.Fields.Count}");
        }
        Schema = schema;
        _values = new object[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            _values[i] = values[i] is object[] nested && schema.Fields[i].DataType is StructType nestedType
                ? new Row(nested, nestedType)
                : values[i];
        }
    }

    public StructType Schema { get; }

    public object[] Values => _values;

    public int Size() => _values.Length;

    public object this[int index] => Get(index);

    public object Get(int index) => _values[index];

    public object Get(string columnName)
    {
        int index = Schema.FindFieldIndex(columnName);
        return index >= 0 ? _values[index] : throw new ArgumentException($"No column named {columnName}.", nameof(columnName));
    }

    public T GetAs<T>(int index) => (T)Get(index)!;

    public T GetAs<T>(string columnName) => (T)Get(columnName)!;

    public override string ToString() => "[" + string.Join(",", _values.Select(CellFormatter.Format)) + "]";
}
