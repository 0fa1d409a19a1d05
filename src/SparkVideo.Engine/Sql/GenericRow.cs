using SparkVideo.Engine.Sinks;

namespace SparkVideo.Engine.Sql;

// Values may be null: the members are nullable-oblivious, as Microsoft.Spark's are, so callers get the same warnings.
#nullable disable annotations

/// <summary>A row of values without a schema, used to create DataFrames.</summary>
public sealed class GenericRow
{
    public GenericRow(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    public object[] Values { get; }

    public int Size() => Values.Length;

    public object this[int index] => Get(index);

    public object Get(int index) => Values[index];

    public T GetAs<T>(int index) => (T)Get(index)!;

    public override string ToString() => "[" + string.Join(",", Values.Select(CellFormatter.Format)) + "]";
}
