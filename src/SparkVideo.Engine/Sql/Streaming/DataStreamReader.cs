using System.Globalization;
using SparkVideo.Engine.Execution.Plans;
using SparkVideo.Engine.Sources;

namespace SparkVideo.Engine.Sql.Streaming;

/// <summary>Describes a streaming source; the engine offers format("socket").</summary>
public sealed class DataStreamReader
{
    private readonly SparkSession _session;
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    private string? _format;

    internal DataStreamReader(SparkSession session) => _session = session;

    public DataStreamReader Format(string source)
    {
        _format = source;
        return this;
    }

    public DataStreamReader Option(string key, string value)
    {
        _options[key] = value;
        return this;
    }

    public DataStreamReader Option(string key, long value) => Option(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A streaming DataFrame of the source: for a socket, one string column named value.</summary>
    public DataFrame Load()
    {
        if (!string.Equals(_format, "socket", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"Streaming source format '{_format ?? "(none)"}' is not supported by the embedded engine; it offers \"socket\".");
        }
        return new DataFrame(_session, new StreamingSourcePlan(SocketSourceOptions.Parse(_options)));
    }
}
