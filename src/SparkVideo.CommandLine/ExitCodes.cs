namespace SparkVideo.CommandLine;

/// <summary>The exit codes of every SparkVideo program.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The program ran and failed: a source, a port, a file, the query.</summary>
    public const int RuntimeError = 1;

    /// <summary>An unknown option, a missing one or an invalid value; nothing was done.</summary>
    public const int UsageError = 2;
}
