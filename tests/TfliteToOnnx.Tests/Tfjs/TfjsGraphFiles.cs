using System.Text.Json;

namespace SparkVideo.TfliteToOnnx.Tests.Tfjs;

/// <summary>Writes a small TF.js graph model (model.json and one weights file) to a temporary folder.</summary>
public sealed class TfjsGraphFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tfjs-graph-").FullName;
    private readonly List<object> _nodes = [];
    private readonly List<object> _weights = [];
    private readonly MemoryStream _bytes = new();

    public string ModelJson => Path.Combine(_folder, "model.json");

    public TfjsGraphFiles Input(string name, params int[] shape)
    {
        _nodes.Add(new { name, op = "Placeholder", attr = new { } });
        _inputs.Add((name, shape));
        return this;
    }

    /// <summary>A float constant stored as float16 (as the project's detector stores its weights).</summary>
    public TfjsGraphFiles Float16Constant(string name, int[] shape, float[] values)
    {
        _nodes.Add(new { name, op = "Const", attr = new { } });
        _weights.Add(new { name, shape, dtype = "float32", quantization = new { dtype = "float16", original_dtype = "float32" } });
        foreach (var value in values)
        {
            var half = BitConverter.GetBytes((Half)value);
            _bytes.Write(half);
        }
        return this;
    }

    public TfjsGraphFiles IntConstant(string name, int[] shape, int[] values)
    {
        _nodes.Add(new { name, op = "Const", attr = new { } });
        _weights.Add(new { name, shape, dtype = "int32" });
        foreach (var value in values)
        {
            _bytes.Write(BitConverter.GetBytes(value));
        }
        return this;
    }

    public TfjsGraphFiles Node(string name, string op, string[] inputs, object? attr = null)
    {
        _nodes.Add(new { name, op, input = inputs, attr = attr ?? new { } });
        return this;
    }

    public string Write(string output, int[] outputShape)
    {
        var json = new
        {
            format = "graph-model",
            signature = new
            {
                inputs = _inputs.ToDictionary(i => i.Name + ":0", i => (object)new { name = i.Name + ":0", dtype = "DT_FLOAT", tensorShape = Shape(i.Shape) }),
                outputs = new Dictionary<string, object> { [output + ":0"] = new { name = output + ":0", dtype = "DT_FLOAT", tensorShape = Shape(outputShape) } },
            },
            modelTopology = new { node = _nodes },
            weightsManifest = new[] { new { paths = new[] { "weights.bin" }, weights = _weights } },
        };
        File.WriteAllText(ModelJson, JsonSerializer.Serialize(json));
        File.WriteAllBytes(Path.Combine(_folder, "weights.bin"), _bytes.ToArray());
        return ModelJson;
    }

    /// <summary>A protobuf string attribute as TF.js stores it (base64).</summary>
    public static object Text(string value) => new { s = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)) };

    public static object IntList(params int[] values) => new { list = new { i = values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray() } };

    private readonly List<(string Name, int[] Shape)> _inputs = [];

    private static object Shape(int[] dims) => new { dim = dims.Select(d => new { size = d.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray() };

    public void Dispose()
    {
        _bytes.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
