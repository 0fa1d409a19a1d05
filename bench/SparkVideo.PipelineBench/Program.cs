using SparkVideo.CommandLine;
using SparkVideo.PipelineBench.Cli;
using SparkVideo.Processes;

// Never leave a camera server or job running behind, whatever way the harness ends.
Console.CancelKeyPress += (_, _) => ChildProcess.KillAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();

return ProgramCommandLine.Run(BenchCommands.Build(args), args);
