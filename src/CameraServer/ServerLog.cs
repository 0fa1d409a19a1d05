namespace SparkVideo.CameraServer;

/// <summary>Progress lines on stdout, one-line errors on stderr. Both writers are synchronized.</summary>
internal sealed class ServerLog(TextWriter output, TextWriter error)
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly TextWriter _error = TextWriter.Synchronized(error);

    public void Info(string line)
    {
        _output.WriteLine(line);
        _output.Flush();
    }

    public void Error(string line)
    {
        _error.WriteLine($"error: {line}");
        _error.Flush();
    }
}
