using System.Globalization;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sinks;
using SparkVideo.Engine.Sources;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>Describes a streaming source; the engine offers format("socket").</summary>
public sealed class DataStreamReader
{
    private readonly SparkSession _session;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private string? _format;
    private bool _hasSchema;

    internal DataStreamReader(SparkSession session) => _session = session;

    public DataStreamReader Format(string source)
    {
        _format = source;
        return this;
    }

    public DataStreamReader Schema(StructType schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _hasSchema = true;
        return this;
    }

    public DataStreamReader Schema(string schemaString)
    {
        DdlSchemaParser.ParseSchema(schemaString);
        _hasSchema = true;
        return this;
    }

    public DataStreamReader Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    public DataStreamReader Option(string key, bool value) => Option(key, value ? "true" : "false");

    public DataStreamReader Option(string key, long value) => Option(key, value.ToString(CultureInfo.InvariantCulture));

    public DataStreamReader Option(string key, double value) => Option(key, JavaDoubleFormatter.Format(value));

    public DataStreamReader Options(Dictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach ((string key, string value) in options)
        {
            _options[key] = value;
        }
        return this;
    }

    /// <summary>A streaming DataFrame of the source: for a socket, column value (string) and optionally timestamp.</summary>
    public DataFrame Load()
    {
        if (!string.Equals(_format, "socket", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Streaming source format '{_format ?? "(none)"}' is not supported by the embedded engine; it offers \"socket\".");
        }
        if (_hasSchema)
        {
            throw new AnalysisException("The socket source does not support a user-specified schema.");
        }
        return new DataFrame(_session, new StreamingSourcePlan(SocketSourceOptions.Parse(_options)));
    }
}
