using Microsoft.ML.OnnxRuntime;

namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>
/// Runs the float model in ONNX Runtime on calibration inputs with every intermediate tensor exposed as an output,
/// and records each tensor's range (min and max over all inputs) and shape.
/// </summary>
public static class ActivationCalibrator
{
    public static Dictionary<string, ActivationStats> Calibrate(OnnxModel floatModel, IReadOnlyList<float[]> nhwcInputs)
    {
        if (nhwcInputs.Count == 0)
        {
            throw new ArgumentException("calibration needs at least one input", nameof(nhwcInputs));
        }
        var graph = floatModel.Graph;
        var graphOutputs = graph.Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var exposed = graph.Nodes.SelectMany(n => n.Outputs).Where(o => !graphOutputs.Contains(o)).ToArray();
        var probe = floatModel with
        {
            Graph = graph with
            {
                Outputs = [.. graph.Outputs, .. exposed.Select(name => new OnnxValueInfo(name, OnnxDataType.Float, null))],
            },
        };

        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(OnnxWriter.Serialize(probe), options);
        var input = graph.Inputs.Single();
        using var runOptions = new RunOptions();
        var stats = new Dictionary<string, ActivationStats>(StringComparer.Ordinal);
        foreach (var data in nhwcInputs)
        {
            using var value = OrtValue.CreateTensorValueFromMemory(data, input.Shape!);
            using var results = session.Run(runOptions, [input.Name], [value], exposed);
            for (var i = 0; i < exposed.Length; i++)
            {
                var values = results[i].GetTensorDataAsSpan<float>();
                var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
                foreach (var v in values)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
                stats[exposed[i]] = stats.TryGetValue(exposed[i], out var known)
                    ? known.Include(min, max)
                    : new ActivationStats(min, max, results[i].GetTensorTypeAndShape().Shape);
            }
        }
        return stats;
    }
}
