using SparkVideo.CommandLine;

namespace SparkVideo.CameraServer;

/// <summary>
/// Progress lines on stdout, one-line errors on stderr. Both writers are synchronized. Every line has the
/// credentials of any URL in it masked, whoever wrote it (a camera URL, an ffmpeg message quoting it).
/// </summary>
internal sealed class ServerLog(TextWriter output, TextWriter error)
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly TextWriter _error = TextWriter.Synchronized(error);

    public void Info(string line)
    {
        _output.WriteLine(UrlCredentials.Redact(line));
        _output.Flush();
    }

    public void Error(string line)
    {
        _error.WriteLine($"error: {UrlCredentials.Redact(line)}");
        _error.Flush();
    }
}
