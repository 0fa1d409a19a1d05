using System.CommandLine;
using SparkVideo.CommandLine;
using SparkVideo.TfliteToOnnx.Conversion;

namespace SparkVideo.TfliteToOnnx;

/// <summary>The command line: convert one .tflite file to one .onnx file.</summary>
public static class ConvertCommand
{
    public static RootCommand Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "The model to convert: a .tflite file, or a TF.js graph model's model.json (its weight files beside it).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the .onnx model.", Required = true };
        var expectedSha256 = new Option<string?>("--expected-sha256")
        {
            Description = "Refuse to convert unless the input's sha256 (hex) matches.",
        };
        var inputSize = new Option<string?>("--input-size")
        {
            Description = "Another input size, WIDTHxHEIGHT (e.g. 384x288), than the one the model was made for; its fixed resizes scale with it.",
        };
        inputSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && ParseSize(value) is null)
            {
                result.AddError($"--input-size must be WIDTHxHEIGHT with both from 32 to 4096, got '{value}'");
            }
        });
        var license = CommandOptions.WithDefault(
            "--license",
            "Licence recorded in the ONNX metadata_props.",
            ModelConverter.DefaultLicense);

        var command = new RootCommand(
            "Convert a TFLite model (the MediaPipe selfie segmentation op set) to ONNX opset 17, NHWC in and out, " +
            "or a TF.js graph model (the person detector's op set) keeping its own inputs and outputs. " +
            "The output is deterministic: the same input gives the same bytes.")
        {
            input, output, expectedSha256, license, inputSize,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(input)!, parseResult.GetValue(output)!,
            parseResult.GetValue(expectedSha256), parseResult.GetValue(license)!,
            parseResult.GetValue(inputSize) is { } size ? ParseSize(size) : null));
        return command;
    }

    private static (int Height, int Width)? ParseSize(string value)
    {
        var parts = value.Split('x');
        return parts.Length == 2 && int.TryParse(parts[0], out var width) && int.TryParse(parts[1], out var height)
            && width is >= 32 and <= 4096 && height is >= 32 and <= 4096
            ? (height, width)
            : null;
    }

    private static int Run(FileInfo input, FileInfo output, string? expectedSha256, string license, (int Height, int Width)? inputSize)
    {
        if (!input.Exists)
        {
            return ProgramCommandLine.RuntimeError($"input file not found: {input.FullName}");
        }
        var isTfjs = input.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
        var bytes = File.ReadAllBytes(input.FullName);
        var actualSha256 = ModelConverter.Sha256Hex(bytes);
        if (expectedSha256 is not null && !actualSha256.Equals(expectedSha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ProgramCommandLine.RuntimeError($"{input.Name} has sha256 {actualSha256}, expected {expectedSha256}");
        }

        byte[] onnx;
        try
        {
            onnx = isTfjs
                ? ModelConverter.ConvertTfjs(input.FullName, actualSha256, license, inputSize)
                : ModelConverter.Convert(bytes, input.Name, license, inputSize);
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
