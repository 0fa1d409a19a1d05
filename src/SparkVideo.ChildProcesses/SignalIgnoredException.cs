namespace SparkVideo.ChildProcesses;

/// <summary>The target ignores the signal, so sending it would change nothing.</summary>
public sealed class SignalIgnoredException(string message) : InvalidOperationException(message);
