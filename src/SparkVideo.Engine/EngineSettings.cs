using SparkVideo.Engine.Monitoring;
using SparkVideo.Engine.Sql;

namespace SparkVideo.Engine;

/// <summary>
/// Engine-only settings of one SparkSession, not part of the .NET for Apache Spark API: where the console sink and
/// the engine's log lines go, and the progress listeners. Reach them with <c>session.Engine()</c>; code that must
/// also build against Microsoft.Spark keeps such calls behind a compile-time switch.
/// </summary>
public sealed class EngineSettings
{
    private readonly List<StreamingQueryListener> _listeners = [];
    private readonly Lock _lock = new();

    /// <summary>Where console-sink batches go (Console.Out by default).</summary>
    public TextWriter ConsoleOut { get; set; } = Console.Out;

    /// <summary>Where engine log lines go: reconnects, dropped lines (Console.Error by default).</summary>
    public TextWriter Log { get; set; } = Console.Error;

    public void AddListener(StreamingQueryListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_lock)
            _listeners.Add(listener);
    }

    internal StreamingQueryListener[] Listeners
    {
        get { lock (_lock) return [.. _listeners]; }
    }
}

public static class EngineSessionExtensions
{
    /// <summary>The engine-only settings of this session.</summary>
    public static EngineSettings Engine(this SparkSession session) => session.Settings;
}
