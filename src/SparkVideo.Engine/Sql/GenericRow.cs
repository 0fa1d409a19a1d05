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

    internal object[] Values { get; }
}
