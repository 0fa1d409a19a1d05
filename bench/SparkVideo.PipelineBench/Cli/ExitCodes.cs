namespace SparkVideo.PipelineBench.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailed = 1;
    public const int UsageError = 2;
}
