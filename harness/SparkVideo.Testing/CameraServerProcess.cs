using System.Globalization;
using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Testing;

/// <summary>A real CameraServer process on a free loopback port (--port 0), ready once it prints its endpoint.</summary>
public sealed partial class CameraServerProcess : IDisposable
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);

    private CameraServerProcess(ChildProcess process, int port)
    {
        Process = process;
        Port = port;
    }

    public ChildProcess Process { get; }

    public int Port { get; }

    public static CameraServerProcess Start(params string[] arguments) => Start([], arguments);

    /// <summary>Starts it with <paramref name="environment"/> added to this process's environment.</summary>
    public static CameraServerProcess Start(IEnumerable<KeyValuePair<string, string>> environment, params string[] arguments)
    {
        var process = SparkVideoProgram.CameraServer.Start([.. arguments, "--port", "0"],
            new ChildProcessOptions { Environment = environment });
        try
        {
            var listening = process.WaitForLine(ListeningLine().IsMatch, StartupTimeout);
            var port = int.Parse(ListeningLine().Match(listening).Groups["port"].Value, CultureInfo.InvariantCulture);
            return new CameraServerProcess(process, port);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public LineClient Connect(int? receiveBufferBytes = null) => LineClient.Connect(Port, receiveBufferBytes);

    /// <summary>Connects from another local address (e.g. 127.0.0.2, loopback too on Linux), to 127.0.0.1 unless told.</summary>
    public LineClient ConnectFrom(System.Net.IPAddress from, System.Net.IPAddress? to = null) => LineClient.Connect(Port, from: from, to: to);

    /// <summary>Waits for the next "Consumer disconnected" line and returns its sent and dropped counts.</summary>
    public (int Sent, int Dropped) WaitForDisconnect(TimeSpan timeout, int fromLine = 0)
    {
        var line = Process.WaitForLine(DisconnectLine().IsMatch, timeout, fromLine);
        var match = DisconnectLine().Match(line);
        return (int.Parse(match.Groups["sent"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["dropped"].Value, CultureInfo.InvariantCulture));
    }

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"^Listening on (?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):(?<port>\d+)$")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^Consumer disconnected: .*sent (?<sent>\d+) frames, dropped (?<dropped>\d+)")]
    private static partial Regex DisconnectLine();
}
