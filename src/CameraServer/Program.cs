using SparkVideo.CameraServer;
using SparkVideo.CameraServer.Sources;
using SparkVideo.CommandLine;
using SparkVideo.Native;

OpenCvNativeResolver.Install();

var command = new CameraServerCommand(given =>
{
    var options = SourceSelection.Resolve(given, Environment.GetEnvironmentVariable, out var sourceProblem);
    if (sourceProblem is not null)
    {
        return ProgramCommandLine.UsageError(sourceProblem);
    }
    if (options.Validate() is { } problem)
    {
        return ProgramCommandLine.UsageError(problem);
    }
    if (NativeLibraryCheck.OpenCv() is { } missing)
    {
        return ProgramCommandLine.RuntimeError(missing);
    }
    using var signals = new ShutdownSignals();
    return CameraServerHost.Run(options, new ServerLog(Console.Out, Console.Error), signals.Token);
});
return ProgramCommandLine.Run(command.Root, args);
