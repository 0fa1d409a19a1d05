using System.Globalization;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sources;

/// <summary>The socket source's options, read and checked when the stream is loaded.</summary>
internal sealed record SocketSourceOptions
{
    public const int DefaultMaxLineBytes = 8 * 1024 * 1024;

    public required string Host { get; init; }

    public required int Port { get; init; }

    public bool IncludeTimestamp { get; init; }

    /// <summary>Lines longer than this (bytes, without the newline) are dropped and counted.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>Bound of the receive buffer in lines; when full the reader stops reading so TCP pushes back.</summary>
    public int MaxBufferedLines { get; init; } = 1024;

    /// <summary>
    /// Bound of the receive buffer in bytes (a single line up to MaxLineBytes is always admitted). Buffered lines
    /// cost about twice their bytes as .NET strings, and a full buffer's worth can be in a running batch at the same
    /// time, so 16 MiB (about 200 frames of 640x480) keeps a flood of large lines within a few hundred MB.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 16L * 1024 * 1024;

    public int MaxRowsPerBatch { get; init; } = 10_000;

    /// <summary>Partitions the lines of one batch are spread over (round-robin).</summary>
    public int NumPartitions { get; init; } = 1;

    /// <summary>Reconnect with backoff when the server is not up or goes away (Spark fails or goes idle instead).</summary>
    public bool Reconnect { get; init; } = true;

    private static readonly string[] KnownKeys =
        ["host", "port", "includeTimestamp", "maxLineBytes", "maxBufferedLines", "maxBufferedBytes", "maxRowsPerBatch", "numPartitions", "reconnect"];

    public static SocketSourceOptions Parse(IReadOnlyDictionary<string, string> options)
    {
        string[] unknown = options.Keys.Where(k => !KnownKeys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new NotSupportedException($"The socket source does not support the option(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}; " +
                $"supported: {string.Join(", ", KnownKeys)}.");
        }
        string host = Get(options, "host") ?? throw new ArgumentException("Set a host to read from with option(\"host\", ...).");
        string portText = Get(options, "port") ?? throw new ArgumentException("Set a port to read from with option(\"port\", ...).");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Port is not a valid TCP port: {portText}");
        }
        var result = new SocketSourceOptions { Host = host, Port = port };
        return result with
        {
            IncludeTimestamp = GetBool(options, "includeTimestamp") ?? false,
            MaxLineBytes = (int)GetPositive(options, "maxLineBytes", result.MaxLineBytes, int.MaxValue),
            MaxBufferedLines = (int)GetPositive(options, "maxBufferedLines", result.MaxBufferedLines, int.MaxValue),
            MaxBufferedBytes = GetPositive(options, "maxBufferedBytes", result.MaxBufferedBytes, long.MaxValue),
            MaxRowsPerBatch = (int)GetPositive(options, "maxRowsPerBatch", result.MaxRowsPerBatch, int.MaxValue),
            NumPartitions = (int)GetPositive(options, "numPartitions", result.NumPartitions, 10_000),
            Reconnect = GetBool(options, "reconnect") ?? true,
        };
    }

    public static StructType SchemaFor(bool includeTimestamp) => includeTimestamp
        ? new StructType([new StructField("value", new StringType()), new StructField("timestamp", new TimestampType())])
        : new StructType([new StructField("value", new StringType())]);

    private static string? Get(IReadOnlyDictionary<string, string> options, string key) =>
        options.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool? GetBool(IReadOnlyDictionary<string, string> options, string key) => Get(options, key) switch
    {
        null => null,
        var v when bool.TryParse(v, out bool b) => b,
        var v => throw new ArgumentException($"Option {key} must be true or false, not '{v}'."),
    };

    private static long GetPositive(IReadOnlyDictionary<string, string> options, string key, long fallback, long max)
    {
        string? text = Get(options, key);
        if (text is null)
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= max
            ? value
            : throw new ArgumentException($"Option {key} must be a positive integer, not '{text}'.");
    }
}
