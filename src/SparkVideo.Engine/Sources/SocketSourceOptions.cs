using System.Globalization;
using SparkVideo.Engine.Sql.Types;

namespace SparkVideo.Engine.Sources;

/// <summary>The socket source's options, read and checked when the stream is loaded.</summary>
internal sealed record SocketSourceOptions
{
    private static readonly string[] KnownKeys = ["host", "port", "maxLineBytes", "maxBufferedLines", "maxBufferedBytes"];

    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>Lines longer than this (bytes, without the newline) are dropped and counted.</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Bound of the receive buffer in lines; when full the reader stops reading so TCP pushes back.</summary>
    public int MaxBufferedLines { get; init; } = 1024;

    /// <summary>
    /// Bound of the receive buffer in bytes (a single line up to MaxLineBytes is always admitted). Buffered lines
    /// cost about twice their bytes as .NET strings, and a full buffer's worth can be in a running batch at the same
    /// time, so 16 MiB (about 200 frames of 640x480) keeps a flood of large lines within a few hundred MB.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The source's rows: one string column, the line.</summary>
    public static StructType Schema { get; } = new([new StructField("value", new StringType())]);

    public static SocketSourceOptions Parse(IReadOnlyDictionary<string, string> options)
    {
        string[] unknown = options.Keys.Where(k => !KnownKeys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new NotSupportedException(
                $"The socket source does not support the option(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))}; " +
                $"supported: {string.Join(", ", KnownKeys)}.");
        }
        string host = options.GetValueOrDefault("host")
            ?? throw new ArgumentException("Set a host to read from with option(\"host\", ...).");
        string portText = options.GetValueOrDefault("port")
            ?? throw new ArgumentException("Set a port to read from with option(\"port\", ...).");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Port is not a valid TCP port: {portText}");
        }
        var result = new SocketSourceOptions { Host = host, Port = port };
        return result with
        {
            MaxLineBytes = (int)GetPositive(options, "maxLineBytes", result.MaxLineBytes, int.MaxValue),
            MaxBufferedLines = (int)GetPositive(options, "maxBufferedLines", result.MaxBufferedLines, int.MaxValue),
            MaxBufferedBytes = GetPositive(options, "maxBufferedBytes", result.MaxBufferedBytes, long.MaxValue),
        };
    }

    private static long GetPositive(IReadOnlyDictionary<string, string> options, string key, long fallback, long max)
    {
        string? text = options.GetValueOrDefault(key);
        if (text is null)
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= max
            ? value
            : throw new ArgumentException($"Option {key} must be a positive integer, not '{text}'.");
    }
}
