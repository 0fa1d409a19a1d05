using SparkVideo.ChildProcesses;
using SparkVideo.Testing;

namespace SparkVideo.Job.Tests;

/// <summary>
/// A program whose native library cannot load says so in one line on stderr, naming the missing file and the
/// fix, and exits 1; no stack trace. The file is really absent for the program (see <see cref="HiddenFiles"/>).
/// </summary>
public sealed class NativeLibraryMissingTests
{
    private const string OwnLibraryFix = "(it ships with the program in runtimes/linux-x64/native/; rebuild or reinstall the program)";

    public static TheoryData<string, string[]> Programs() => new()
    {
        { "CameraServer.dll", ["--source", "synthetic", "--port", "0"] },
        { "SparkJob.dll", ["--port", "9", "--output-dir", Path.Combine(Path.GetTempPath(), "sparkvideo-native-" + Guid.NewGuid().ToString("N"))] },
        { "SparkVideoDemo.dll", ["--source", "synthetic", "--max-frames", "1", "--port", FreePort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture)] },
    };

    public static TheoryData<string, string[]> SegmentingPrograms() => new()
    {
        { "SparkJob.dll", ["--port", "9", "--output-dir", Path.Combine(Path.GetTempPath(), "sparkvideo-native-" + Guid.NewGuid().ToString("N"))] },
        { "SparkVideoDemo.dll", ["--source", "synthetic", "--max-frames", "1", "--port", FreePort.Get().ToString(System.Globalization.CultureInfo.InvariantCulture)] },
    };

    [MountNamespaceTheory]
    [MemberData(nameof(Programs))]
    public void Without_gtk_the_program_names_it_and_the_package_to_install(string program, string[] arguments)
    {
        var gtk = HiddenFiles.SystemLibrary("libgtk-3.so.0") ?? throw new InvalidOperationException("libgtk-3.so.0 is not installed; this test hides it");

        AssertOneLineError(HiddenFiles.RunDotnet([gtk], RepoPaths.InOutputFolder(program), arguments),
            "error: OpenCV's native library cannot load: libgtk-3.so.0 is missing (install it: sudo apt-get install libgtk-3-0)");
    }

    [MountNamespaceTheory]
    [MemberData(nameof(Programs))]
    public void Without_OpenCvSharpExtern_the_program_names_it(string program, string[] arguments) =>
        AssertOneLineError(HiddenFiles.RunDotnet([NativeInTestOutput("libOpenCvSharpExtern.so")], RepoPaths.InOutputFolder(program), arguments),
            $"error: OpenCV's native library cannot load: libOpenCvSharpExtern.so is missing {OwnLibraryFix}");

    [MountNamespaceTheory]
    [MemberData(nameof(SegmentingPrograms))]
    public void Without_onnxruntime_the_program_names_it(string program, string[] arguments) =>
        AssertOneLineError(HiddenFiles.RunDotnet([NativeInTestOutput("libonnxruntime.so")], RepoPaths.InOutputFolder(program), arguments),
            $"error: ONNX Runtime's native library cannot load: libonnxruntime.so is missing {OwnLibraryFix}");

    [MountNamespaceTheory]
    [MemberData(nameof(Programs))]
    public void With_an_empty_gtk_the_program_names_the_file_the_loaders_reason_and_a_reinstall(string program, string[] arguments)
    {
        var gtk = HiddenFiles.SystemLibrary("libgtk-3.so.0") ?? throw new InvalidOperationException("libgtk-3.so.0 is not installed; this test replaces it");
        var empty = Path.Combine(Directory.CreateTempSubdirectory("sparkvideo-broken-").FullName, "empty.so");
        File.WriteAllBytes(empty, []);

        AssertOneLineError(HiddenFiles.RunDotnetWithReplaced([(gtk, empty)], RepoPaths.InOutputFolder(program), arguments),
            $"error: OpenCV's native library cannot load: {gtk} is present but is not a loadable library " +
            "(file too short; reinstall it: sudo apt-get install --reinstall libgtk-3-0)");
    }

    [MountNamespaceFact]
    public void With_a_gtk_of_another_architecture_the_program_says_so()
    {
        var gtk = HiddenFiles.SystemLibrary("libgtk-3.so.0") ?? throw new InvalidOperationException("libgtk-3.so.0 is not installed; this test replaces it");
        // A real library of this machine with its ELF class byte set to 32-bit: what the loader sees in a 32-bit build.
        var wrongClass = Path.Combine(Directory.CreateTempSubdirectory("sparkvideo-broken-").FullName, "wrong-class.so");
        var bytes = File.ReadAllBytes(gtk);
        bytes[4] = 1;
        File.WriteAllBytes(wrongClass, bytes);

        AssertOneLineError(HiddenFiles.RunDotnetWithReplaced([(gtk, wrongClass)], SparkVideoProgram.CameraServer.Dll, "--source", "synthetic", "--port", "0"),
            "error: OpenCV's native library cannot load: libgtk-3.so.0 is built for another architecture " +
            "(wrong ELF class: ELFCLASS32; reinstall it: sudo apt-get install --reinstall libgtk-3-0)");
    }

    private static string NativeInTestOutput(string fileName) => RepoPaths.InOutputFolder(Path.Combine("runtimes", "linux-x64", "native", fileName));

    private static void AssertOneLineError((int ExitCode, string Stdout, string Stderr) run, string expected)
    {
        var stderr = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(stderr.Length == 1 && stderr[0] == expected && run.ExitCode == 1,
            $"expected exit 1 and only \"{expected}\" on stderr; got exit {run.ExitCode}\n--- stderr ---\n{run.Stderr}\n--- stdout ---\n{run.Stdout}");
    }

    /// <summary>A fact that is skipped, with the reason, where files cannot be replaced (not root, no unshare).</summary>
    private sealed class MountNamespaceFactAttribute : FactAttribute
    {
        public MountNamespaceFactAttribute()
        {
            if (HiddenFiles.UnavailableReason is { } reason)
            {
                Skip = reason;
            }
        }
    }

    /// <summary>A theory that is skipped, with the reason, where files cannot be hidden (not root, no unshare).</summary>
    private sealed class MountNamespaceTheoryAttribute : TheoryAttribute
    {
        public MountNamespaceTheoryAttribute()
        {
            if (HiddenFiles.UnavailableReason is { } reason)
            {
                Skip = reason;
            }
        }
    }
}
