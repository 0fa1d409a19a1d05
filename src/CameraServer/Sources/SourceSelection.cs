namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// Where --source's value comes from. A camera URL with a password need not be on the command line (where
/// <c>ps</c> and shell history show it): <c>--source-file PATH</c> reads it from the file's first line, and
/// <see cref="EnvironmentVariable"/> is used when neither --source nor --source-file is given.
/// </summary>
internal static class SourceSelection
{
    public const string EnvironmentVariable = "SPARKVIDEO_SOURCE";

    /// <summary>
    /// The options with <see cref="CameraServerOptions.Source"/> resolved, or a one-line usage problem (never the
    /// file's content).
    /// </summary>
    public static CameraServerOptions Resolve(CameraServerOptions options, Func<string, string?> environment, out string? problem)
    {
        problem = null;
        if (options.SourceFile is { } path)
        {
            if (options.SourceGiven)
            {
                problem = "--source and --source-file cannot be used together";
                return options;
            }
            var fromFile = ReadFirstLine(path, out problem);
            return fromFile is null ? options : options with { Source = fromFile, SourceOrigin = "from --source-file" };
        }
        if (!options.SourceGiven && environment(EnvironmentVariable) is { } fromEnvironment && fromEnvironment.Trim().Length > 0)
        {
            return options with { Source = fromEnvironment.Trim(), SourceOrigin = "from " + EnvironmentVariable };
        }
        return options;
    }

    private static string? ReadFirstLine(string path, out string? problem)
    {
        try
        {
            var line = File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            problem = line is null ? $"--source-file {path} is empty" : null;
            return line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"--source-file {path} cannot be read: {e.Message}";
            return null;
        }
    }
}
