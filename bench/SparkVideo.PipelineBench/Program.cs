using System.CommandLine;
using System.CommandLine.Help;
using SparkVideo.Vision;
using SparkVideo.PipelineBench.Cli;
using SparkVideo.Testing;

// Never leave a camera server or job running behind, whatever way the harness ends.
Console.CancelKeyPress += (_, _) => ChildProcess.KillAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();

var parseResult = BenchCommands.Build(args).Parse(args);
if (parseResult.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parseResult.Errors[0].Message} (see --help)");
    return ExitCodes.UsageError;
}
if (parseResult.Action is not HelpAction && NativeRuntimes.Check() is { } missing)
{
    Console.Error.WriteLine($"error: {missing}");
    return ExitCodes.RunFailed;
}
return parseResult.Invoke();
