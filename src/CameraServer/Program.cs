using System.CommandLine;
using System.CommandLine.Invocation;
using CameraServer;
using SparkVideo.Native;

OpenCvNativeResolver.Install();

var command = new CameraServerCommand(options =>
{
    if (options.Validate() is { } problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        return ExitCodes.UsageError;
    }
    if (NativeLibraryCheck.OpenCv() is { } missing)
    {
        Console.Error.WriteLine($"error: {missing}");
        return ExitCodes.RuntimeError;
    }
    using var signals = new ShutdownSignals();
    return CameraServerHost.Run(options, new ServerLog(Console.Out, Console.Error), signals.Token);
});

var parseResult = command.Root.Parse(args);
if (parseResult.Action is ParseErrorAction)
{
    Console.Error.WriteLine($"error: {parseResult.Errors[0].Message} (see --help)");
    return ExitCodes.UsageError;
}
return parseResult.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
