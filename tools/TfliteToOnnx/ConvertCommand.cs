using System.CommandLine;
using SparkVideo.CommandLine;
using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx;

/// <summary>The command line: convert one .tflite file to one .onnx file.</summary>
public static class ConvertCommand
{
    public static RootCommand Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "The .tflite model to convert.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the .onnx model.", Required = true };
        var expectedSha256 = new Option<string?>("--expected-sha256")
        {
            Description = "Refuse to convert unless the input's sha256 (hex) matches.",
        };
        var license = CommandOptions.WithDefault(
            "--license",
            "Licence recorded in the ONNX metadata_props.",
            ModelConverter.DefaultLicense);

        var command = new RootCommand(
            "Convert a TFLite model (the MediaPipe selfie segmentation op set) to ONNX opset 17, NHWC in and out. " +
            "The output is deterministic: the same input gives the same bytes.")
        {
            input, output, expectedSha256, license,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(input)!, parseResult.GetValue(output)!,
            parseResult.GetValue(expectedSha256), parseResult.GetValue(license)!));
        return command;
    }

    private static int Run(FileInfo input, FileInfo output, string? expectedSha256, string license)
    {
        if (!input.Exists)
        {
            return ProgramCommandLine.RuntimeError($"input file not found: {input.FullName}");
        }
        var bytes = File.ReadAllBytes(input.FullName);
        var actualSha256 = ModelConverter.Sha256Hex(bytes);
        if (expectedSha256 is not null && !actualSha256.Equals(expectedSha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ProgramCommandLine.RuntimeError($"{input.Name} has sha256 {actualSha256}, expected {expectedSha256}");
        }

        byte[] onnx;
        try
        {
            onnx = ModelConverter.Convert(bytes, input.Name, license);
        }
        catch (Exception e) when (e is UnsupportedOperatorException or InvalidDataException or NotSupportedException)
        {
            return ProgramCommandLine.RuntimeError($"cannot convert {input.Name}: {e.Message}");
        }

        output.Directory?.Create();
        File.WriteAllBytes(output.FullName, onnx);
        Console.WriteLine(
            $"{input.Name} (sha256 {actualSha256}) -> {output.Name} ({onnx.Length:N0} bytes, sha256 {ModelConverter.Sha256Hex(onnx)})");
        return ExitCodes.Success;
    }
}
