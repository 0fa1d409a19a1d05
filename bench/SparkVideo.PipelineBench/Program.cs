using SparkVideo.ChildProcesses;
using SparkVideo.CommandLine;
using SparkVideo.PipelineBench.Cli;
using SparkVideo.Vision;

// Never leave a camera server or job running behind, whatever way the harness ends.
Console.CancelKeyPress += (_, _) => ChildProcess.KillAll();
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcess.KillAll();

// The scenarios run OpenCV and ONNX Runtime in this process or its children: one line when they cannot load.
return ProgramCommandLine.Run(BenchCommands.Build(args), args, NativeRuntimes.Check);
