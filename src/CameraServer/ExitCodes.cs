namespace CameraServer;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The source, the port or the stream failed at run time.</summary>
    public const int RuntimeError = 1;

    /// <summary>An unknown option or an invalid option value.</summary>
    public const int UsageError = 2;
}
