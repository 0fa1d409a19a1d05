using System.Text.Json;

namespace SparkVideo.TfliteToOnnx.Tfjs;

/// <summary>One node of a TensorFlow graph as a TF.js graph model stores it (model.json's modelTopology).</summary>
/// <param name="Inputs">Value references: <c>name</c> or <c>name:k</c> for a node's k-th output; control inputs dropped.</param>
public sealed record TfNode(string Name, string Op, IReadOnlyList<string> Inputs, IReadOnlyDictionary<string, JsonElement> Attributes)
{
    public long Int(string attribute) => long.Parse(Attributes[attribute].GetProperty("i").GetString()!);

    public float Float(string attribute) => Attributes[attribute].GetProperty("f").GetSingle();

    public bool Bool(string attribute, bool fallback = false) =>
        Attributes.TryGetValue(attribute, out var value) && value.TryGetProperty("b", out var b) ? b.GetBoolean() : fallback;

    /// <summary>A string attribute (stored base64, as protobuf bytes are in JSON).</summary>
    public string String(string attribute) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Attributes[attribute].GetProperty("s").GetString()!));

    public long[] Ints(string attribute) =>
        Attributes.TryGetValue(attribute, out var value) && value.GetProperty("list").TryGetProperty("i", out var list)
            ? [.. list.EnumerateArray().Select(i => long.Parse(i.GetString()!))]
            : [];
}

/// <summary>A constant's value: floats or integers (TF's int32 and int64 alike), row-major with its shape.</summary>
public sealed record TfConstant(int[] Shape, float[]? Floats, long[]? Ints)
{
    public int Count => Floats?.Length ?? Ints!.Length;

    public static TfConstant Of(int[] shape, long[] values) => new(shape, null, values);

    public static TfConstant Of(int[] shape, float[] values) => new(shape, values, null);
}

/// <summary>A TF.js graph model: its nodes in file order, its constants, and the signature's inputs and outputs.</summary>
public sealed record TfjsGraphModel(
    IReadOnlyList<TfNode> Nodes,
    IReadOnlyDictionary<string, TfConstant> Constants,
    IReadOnlyList<(string Name, int[] Shape)> Inputs,
    IReadOnlyList<(string Name, int[] Shape)> Outputs);
