namespace SparkVideo.PipelineBench.Infrastructure;

/// <summary>A run could not be made (missing build, child process failure, timeout); the message is one line for the user.</summary>
public sealed class BenchException(string message) : Exception(message);
