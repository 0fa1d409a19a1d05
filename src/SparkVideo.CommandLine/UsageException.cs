namespace SparkVideo.CommandLine;

/// <summary>
/// An option value that only the program's action can find wrong (a list that does not parse, a combination);
/// <see cref="ProgramCommandLine.Run"/> reports it as a usage error.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
