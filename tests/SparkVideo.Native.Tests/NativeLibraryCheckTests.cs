using System.Runtime.InteropServices;

namespace SparkVideo.Native.Tests;

/// <summary>The one-line reason, read from what this machine's loader really says.</summary>
public sealed partial class NativeLibraryCheckTests
{
    [Fact]
    public void OpenCv_loads_on_the_build_machine()
    {
        OpenCvNativeResolver.Install();

        Assert.Null(NativeLibraryCheck.OpenCv());
    }

    [Fact]
    public void A_library_that_is_nowhere_is_named_as_missing_with_where_it_ships()
    {
        var reason = NativeLibraryCheck.Probe("Test", () => NotInstalled());

        Assert.Equal(
            $"Test's native library cannot load: libsparkvideo_not_installed.so is missing (it ships with the program in " +
            $"runtimes/{PortableRuntimeId.Current}/native/; rebuild or reinstall the program)",
            reason);
    }

    [Fact]
    public void A_file_that_is_present_but_not_a_library_is_named_with_the_loader_s_reason()
    {
        var folder = Directory.CreateTempSubdirectory("native-check-").FullName;
        try
        {
            var empty = Path.Combine(folder, "libsparkvideo_empty.so");
            File.WriteAllBytes(empty, []);

            var reason = NativeLibraryCheck.Probe("Test", () => NativeLibrary.Load(empty));

            Assert.NotNull(reason);
            Assert.StartsWith("Test's native library cannot load: ", reason, StringComparison.Ordinal);
            Assert.Contains("file too short", reason, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', reason);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_library_that_loads_gives_no_reason() =>
        Assert.Null(NativeLibraryCheck.Probe("libc", () => NativeLibrary.Free(NativeLibrary.Load("libc.so.6"))));

    [Fact]
    public void The_runtime_id_is_the_portable_one_packages_use()
    {
        Assert.Matches("^(linux|win|osx)-(x64|x86|arm64|arm)$", PortableRuntimeId.Current);
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64)
        {
            Assert.Equal("linux-x64", PortableRuntimeId.Current);
        }
    }

    [LibraryImport("sparkvideo_not_installed", EntryPoint = "sparkvideo_nothing")]
    private static partial void NotInstalled();
}
