using System.Buffers.Binary;
using System.Text.Json;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>
/// Reads a TF.js graph model: model.json (the graph and the weights manifest) and the weight files it names, which
/// lie beside it. Weights stored as float16 or as uint8/uint16 with a scale are widened back to float32.
/// </summary>
public static class TfjsModelReader
{
    public static TfjsGraphModel Read(string modelJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(modelJsonPath));
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetString() != "graph-model")
        {
            throw new InvalidDataException($"{Path.GetFileName(modelJsonPath)} is not a TF.js graph model (\"format\": \"graph-model\")");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelJsonPath))!;
        var constants = ReadWeights(root.GetProperty("weightsManifest"), folder);
        var nodes = root.GetProperty("modelTopology").GetProperty("node").EnumerateArray().Select(ReadNode).ToList();
        var signature = root.GetProperty("signature");
        var inputs = signature.GetProperty("inputs").EnumerateObject()
            .Select(input => (StripOutputIndex(input.Value.GetProperty("name").GetString()!), Dims(input.Value)))
            .ToList();
        var outputs = signature.GetProperty("outputs").EnumerateObject()
            .Select(output => (StripOutputIndex(output.Value.GetProperty("name").GetString()!), Dims(output.Value)))
            .OrderBy(output => output.Item1, StringComparer.Ordinal)
            .ToList();
        return new TfjsGraphModel(nodes, constants, inputs, outputs);
    }

    private static TfNode ReadNode(JsonElement node)
    {
        var inputs = node.TryGetProperty("input", out var list)
            ? list.EnumerateArray().Select(i => i.GetString()!).Where(i => !i.StartsWith('^')).ToList()
            : [];
        var attributes = node.TryGetProperty("attr", out var attr)
            ? attr.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.Clone())
            : [];
        return new TfNode(node.GetProperty("name").GetString()!, node.GetProperty("op").GetString()!, inputs, attributes);
    }

    private static string StripOutputIndex(string name) => name.EndsWith(":0", StringComparison.Ordinal) ? name[..^2] : name;

    private static int[] Dims(JsonElement tensorInfo) =>
        [.. tensorInfo.GetProperty("tensorShape").GetProperty("dim").EnumerateArray()
            .Select(d => d.TryGetProperty("size", out var size) ? int.Parse(size.GetString()!) : 0)];

    private static Dictionary<string, TfConstant> ReadWeights(JsonElement manifest, string folder)
    {
        var constants = new Dictionary<string, TfConstant>(StringComparer.Ordinal);
        foreach (var group in manifest.EnumerateArray())
        {
            var bytes = group.GetProperty("paths").EnumerateArray()
                .SelectMany(path => File.ReadAllBytes(Path.Combine(folder, Path.GetFileName(path.GetString()!))))
                .ToArray();
            var offset = 0;
            foreach (var weight in group.GetProperty("weights").EnumerateArray())
            {
                var shape = weight.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var count = shape.Aggregate(1, (a, b) => a * b);
                var dtype = weight.GetProperty("dtype").GetString();
                var constant = weight.TryGetProperty("quantization", out var quantization)
                    ? Dequantize(bytes.AsSpan(offset), shape, count, quantization, out var used)
                    : Plain(bytes.AsSpan(offset), shape, count, dtype, out used);
                constants[weight.GetProperty("name").GetString()!] = constant;
                offset += used;
            }
            if (offset != bytes.Length)
            {
                throw new InvalidDataException($"the weights manifest describes {offset} bytes, the weight files hold {bytes.Length}");
            }
        }
        return constants;
    }

    private static TfConstant Plain(ReadOnlySpan<byte> data, int[] shape, int count, string? dtype, out int used)
    {
        used = 4 * count;
        switch (dtype)
        {
            case "float32":
                var floats = new float[count];
                for (var i = 0; i < count; i++)
                {
                    floats[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
                }
                return TfConstant.Of(shape, floats);
            case "int32":
                var ints = new long[count];
                for (var i = 0; i < count; i++)
                {
                    ints[i] = BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]);
                }
                return TfConstant.Of(shape, ints);
            default:
                throw new NotSupportedException($"weights of type {dtype} are not supported");
        }
    }

    private static TfConstant Dequantize(ReadOnlySpan<byte> data, int[] shape, int count, JsonElement quantization, out int used)
    {
        var floats = new float[count];
        switch (quantization.GetProperty("dtype").GetString())
        {
            case "float16":
                used = 2 * count;
                for (var i = 0; i < count; i++)
                {
                    floats[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(data[(2 * i)..]);
                }
                break;
            case "uint8":
                used = count;
                var (scale8, min8) = ScaleAndMin(quantization);
                for (var i = 0; i < count; i++)
                {
                    floats[i] = min8 + scale8 * data[i];
                }
                break;
            case "uint16":
                used = 2 * count;
                var (scale16, min16) = ScaleAndMin(quantization);
                for (var i = 0; i < count; i++)
                {
                    floats[i] = min16 + scale16 * BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]);
                }
                break;
            default:
                throw new NotSupportedException($"weights quantized as {quantization.GetProperty("dtype").GetString()} are not supported");
        }
        return TfConstant.Of(shape, floats);
    }

    private static (float Scale, float Min) ScaleAndMin(JsonElement quantization) =>
        (quantization.GetProperty("scale").GetSingle(), quantization.GetProperty("min").GetSingle());
}
