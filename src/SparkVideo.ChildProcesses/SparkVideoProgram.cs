namespace SparkVideo.ChildProcesses;

/// <summary>
/// The project's programs that others start as children (the demo, the bench, the soak, the tests): each one's
/// assembly, found in the running program's output folder (a project reference copies it there), and the project
/// that builds it.
/// </summary>
public sealed record SparkVideoProgram(string AssemblyName, string Project)
{
    public static readonly SparkVideoProgram Job = new("SparkJob", "src/SparkJob");

    public static readonly SparkVideoProgram CameraServer = new("CameraServer", "src/CameraServer");

    public static readonly SparkVideoProgram Demo = new("SparkVideoDemo", "src/Demo");

    public static readonly SparkVideoProgram Soak = new("Soak", "tools/Soak");

    /// <summary>Where the program's dll is when the running program's project references it.</summary>
    public string Dll => RepoPaths.InOutputFolder(AssemblyName + ".dll");

    public bool IsBuilt => File.Exists(Dll);

    /// <summary>One line for a program that is not there: what is missing and what to build.</summary>
    public string NotBuiltMessage =>
        $"{AssemblyName}.dll is not next to {Path.GetFileName(Environment.ProcessPath) ?? "this program"} ({AppContext.BaseDirectory}); build {Project} and the project that runs it";

    /// <summary>Starts <c>dotnet AssemblyName.dll arguments</c> as <paramref name="options"/> say.</summary>
    /// <exception cref="FileNotFoundException">The program is not built (<see cref="NotBuiltMessage"/>).</exception>
    public ChildProcess Start(IEnumerable<string> arguments, ChildProcessOptions options) =>
        IsBuilt ? ChildProcess.StartDotnet(Dll, arguments, options) : throw new FileNotFoundException(NotBuiltMessage, Dll);

    /// <summary>Starts it with default options in <paramref name="workingDirectory"/>.</summary>
    public ChildProcess Start(IEnumerable<string> arguments, string? workingDirectory = null) =>
        Start(arguments, new ChildProcessOptions { WorkingDirectory = workingDirectory });
}
