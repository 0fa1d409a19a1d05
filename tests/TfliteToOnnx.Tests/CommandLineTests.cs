using SparkVideo.CommandLine;
using SparkVideo.TfliteToOnnx.Tests.Models;

namespace SparkVideo.TfliteToOnnx.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("tflite2onnx-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Convert_writes_the_committed_bytes()
    {
        var output = Path.Combine(_temp, "out.onnx");
        var exit = ConvertCommand.Create().Parse(
            ["--input", UpstreamModel.General.TflitePath, "--output", output, "--expected-sha256", UpstreamModel.General.Sha256]).Invoke();
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(File.ReadAllBytes(UpstreamModel.General.OnnxPath), File.ReadAllBytes(output));
    }

    [Fact]
    public void Wrong_sha256_is_refused()
    {
        var output = Path.Combine(_temp, "out.onnx");
        var exit = ConvertCommand.Create().Parse(
            ["--input", UpstreamModel.General.TflitePath, "--output", output, "--expected-sha256", UpstreamModel.Landscape.Sha256]).Invoke();
        Assert.Equal(ExitCodes.RuntimeError, exit);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Not_a_tflite_file_fails_without_output()
    {
        var input = Path.Combine(_temp, "garbage.tflite");
        File.WriteAllText(input, "this is not a flatbuffer at all");
        var output = Path.Combine(_temp, "out.onnx");
        Assert.Equal(ExitCodes.RuntimeError, ConvertCommand.Create().Parse(["--input", input, "--output", output]).Invoke());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Missing_input_is_a_runtime_error() =>
        Assert.Equal(ExitCodes.RuntimeError,
            ConvertCommand.Create().Parse(["--input", Path.Combine(_temp, "none.tflite"), "--output", Path.Combine(_temp, "o.onnx")]).Invoke());

    [Fact]
    public void Sha256_hex_is_lowercase_hex() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelConverter.Sha256Hex("abc"u8));
}
