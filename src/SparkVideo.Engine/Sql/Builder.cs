using System.Globalization;
using SparkVideo.Engine.Sinks;

namespace SparkVideo.Engine.Sql;

/// <summary>Builds or returns the SparkSession.</summary>
public sealed class Builder
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    internal Builder()
    {
    }

    /// <summary>local, local[N] or local[*] (the default when not set).</summary>
    public Builder Master(string master) => Config("spark.master", master);

    public Builder AppName(string appName) => Config("spark.app.name", appName);

    public Builder Config(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _options[key] = value;
        return this;
    }

    public Builder Config(string key, bool value) => Config(key, value ? "true" : "false");

    public Builder Config(string key, double value) => Config(key, JavaDoubleFormatter.Format(value));

    public Builder Config(string key, long value) => Config(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>The active session with this builder's options applied, or a new one.</summary>
    public SparkSession GetOrCreate() => SparkSession.GetOrCreate(_options);
}
