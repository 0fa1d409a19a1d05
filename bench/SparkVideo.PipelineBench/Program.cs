using System.CommandLine;
using SparkVideo.PipelineBench.Cli;
using SparkVideo.Processes;

// Never leave a camera server or job running behind, whatever way the harness ends.
Console.CancelKeyPress += (_, _) => ChildProcess.KillAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();

var parseResult = BenchCommands.Build(args).Parse(args);
if (parseResult.Errors.Count > 0)
{
    Console.Error.WriteLine($"error: {parseResult.Errors[0].Message} (see --help)");
    return ExitCodes.UsageError;
}
return parseResult.Invoke();
