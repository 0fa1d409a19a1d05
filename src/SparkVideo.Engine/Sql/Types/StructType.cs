using Newtonsoft.Json.Linq;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>One named, typed field of a <see cref="StructType"/>.</summary>
public sealed class StructField(string name, DataType dataType, bool isNullable = true, JObject? metadata = null)
{
    internal string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    internal DataType DataType { get; } = dataType ?? throw new ArgumentNullException(nameof(dataType));

    internal bool IsNullable { get; } = isNullable;

    internal JObject JsonValue => new(
        new JProperty("name", Name),
        new JProperty("type", DataType.JsonValue),
        new JProperty("nullable", IsNullable),
        new JProperty("metadata", metadata?.DeepClone() ?? new JObject()));
}

/// <summary>A struct of named fields; also the schema of a DataFrame.</summary>
public sealed class StructType : DataType
{
    public StructType(IEnumerable<StructField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToList();
    }

    internal List<StructField> Fields { get; }

    internal override string SimpleString =>
        $"struct<{string.Join(",", Fields.Select(f => $"{f.Name}:{f.DataType.SimpleString}"))}>";

    internal override JToken JsonValue => new JObject(
        new JProperty("type", TypeName),
        new JProperty("fields", new JArray(Fields.Select(f => f.JsonValue))));

    /// <summary>The index of a field by Spark's case-insensitive resolution (an exact match wins), or -1.</summary>
    internal int FindFieldIndex(string name)
    {
        int exact = Fields.FindIndex(f => f.Name == name);
        if (exact >= 0)
        {
            return exact;
        }
        var matches = Fields.Select((f, i) => (f, i))
            .Where(p => string.Equals(p.f.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1)
        {
            throw new AnalysisException($"[AMBIGUOUS_REFERENCE] Reference `{name}` is ambiguous, could be: " +
                $"[{string.Join(", ", matches.Select(m => $"`{m.f.Name}`"))}].");
        }
        return matches.Count == 1 ? matches[0].i : -1;
    }
}
