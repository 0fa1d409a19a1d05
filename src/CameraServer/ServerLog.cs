namespace CameraServer;

/// <summary>Progress lines on stdout, one-line errors on stderr. Both writers are synchronized.</summary>
internal sealed class ServerLog(TextWriter output, TextWriter error)
{
    private readonly TextWriter output = TextWriter.Synchronized(output);
    private readonly TextWriter error = TextWriter.Synchronized(error);

    public void Info(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    public void Error(string line)
    {
        error.WriteLine($"error: {line}");
        error.Flush();
    }
}
