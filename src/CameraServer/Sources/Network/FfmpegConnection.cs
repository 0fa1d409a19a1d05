using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer.Sources.Network;

/// <summary>
/// One connection to a network camera: an ffmpeg child process whose stdout carries raw BGR frames of a fixed size.
/// A watchdog kills ffmpeg when a frame takes longer than the timeout (a camera that accepts and never sends, or a
/// stream that stalls without closing), so a read never hangs. After the connection ends, <see cref="FailureReason"/>
/// says why in one line (ffmpeg's own last error when it gave one).
/// </summary>
internal sealed partial class FfmpegConnection : IDisposable
{
    private const int ErrorLinesKept = 8;
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Stream _frames;
    private readonly Queue<string> _errorLines = new();
    private readonly Timer _watchdog;
    private TimeSpan _armedTimeout;
    private volatile bool _timedOut;
    private long _framesRead;

    private FfmpegConnection(Process process)
    {
        _process = process;
        _frames = process.StandardOutput.BaseStream;
        _watchdog = new Timer(_ => OnTimeout());
        _process.ErrorDataReceived += (_, e) => KeepErrorLine(e.Data);
        _process.BeginErrorReadLine();
    }

    /// <exception cref="FrameSourceException">ffmpeg cannot be started.</exception>
    public static FfmpegConnection Start(string ffmpeg, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // ffmpeg must not read the server's terminal
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new FrameSourceException($"ffmpeg ({ffmpeg}) could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FrameSourceException($"ffmpeg ({ffmpeg}) could not be started: {e.Message}");
        }
        process.StandardInput.Close();
        return new FfmpegConnection(process);
    }

    /// <summary>Frames read on this connection so far.</summary>
    public long FramesRead => Interlocked.Read(ref _framesRead);

    /// <summary>The camera refused the credentials (or asked for some): retrying cannot help.</summary>
    public bool CredentialsRefused { get; private set; }

    /// <summary>Why the connection ended, in one line; set once <see cref="TryReadFrame"/> has returned false.</summary>
    public string FailureReason { get; private set; } = "";

    /// <summary>
    /// Reads one whole frame into <paramref name="frame"/> (its length is the frame size); false when the connection
    /// ended first (then nothing of a partial frame is used). <paramref name="timeout"/> bounds the wait.
    /// </summary>
    public bool TryReadFrame(byte[] frame, TimeSpan timeout)
    {
        _armedTimeout = timeout;
        _watchdog.Change(timeout, Timeout.InfiniteTimeSpan);
        int read;
        try
        {
            read = _frames.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false);
        }
        catch (IOException)
        {
            read = 0;
        }
        finally
        {
            _watchdog.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        if (read == frame.Length && !_timedOut)
        {
            Interlocked.Increment(ref _framesRead);
            return true;
        }
        FailureReason = DescribeEnd();
        return false;
    }

    /// <summary>Ends the connection from another thread (shutdown): a read in progress returns false at once.</summary>
    public void Stop() => Kill();

    private void OnTimeout()
    {
        _timedOut = true;
        Kill();
    }

    private string DescribeEnd()
    {
        Kill();
        // The stderr reader finishes only after the process has exited; its last line is ffmpeg's reason.
        if (_process.WaitForExit(ExitGrace))
        {
            _process.WaitForExit();
        }
        var seconds = _armedTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (_timedOut)
        {
            return FramesRead == 0 ? $"no frame within {seconds} s of connecting (--connect-timeout)" : $"no frame for {seconds} s (--read-timeout)";
        }
        string[] errors;
        lock (_errorLines)
        {
            errors = [.. _errorLines];
        }
        if (errors.FirstOrDefault(IsCredentialsRefusal) is { } refusal)
        {
            CredentialsRefused = true;
            return refusal;
        }
        if (errors.Length > 0)
        {
            return errors[^1];
        }
        return _process.HasExited && _process.ExitCode != 0 ? $"ffmpeg exited with code {_process.ExitCode}" : "the stream ended";
    }

    private static bool IsCredentialsRefusal(string line) =>
        line.Contains("401 Unauthorized", StringComparison.OrdinalIgnoreCase) || line.Contains("403 Forbidden", StringComparison.OrdinalIgnoreCase);

    private void KeepErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        // "[rtsp @ 0x55d0c3a1b2c0] method DESCRIBE failed: 401 Unauthorized" -> the message without the context prefix.
        var message = UrlCredentials.Redact(ContextPrefix().Replace(line.Trim(), ""));
        lock (_errorLines)
        {
            _errorLines.Enqueue(message);
            if (_errorLines.Count > ErrorLinesKept)
            {
                _errorLines.Dequeue();
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        Kill();
        _process.WaitForExit(ExitGrace);
        _process.Dispose();
    }

    [GeneratedRegex(@"^(\[[^\]]+ @ (0x)?[0-9a-fA-F]+\]\s*)+")]
    private static partial Regex ContextPrefix();
}
