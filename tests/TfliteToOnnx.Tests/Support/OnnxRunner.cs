using Microsoft.ML.OnnxRuntime;
using SparkVideo.TfliteToOnnx.Onnx;

namespace SparkVideo.TfliteToOnnx.Tests.Support;

/// <summary>Converts a model, serialises it, and runs it in ONNX Runtime on one NHWC input.</summary>
public static class OnnxRunner
{
    public static readonly ModelProvenance TestProvenance = new("synthetic.tflite", new string('0', 64), "test");

    public static float[] ConvertAndRun(TfliteModel model, float[] nhwcInput)
    {
        var bytes = OnnxWriter.Serialize(TfliteToOnnxConverter.Convert(model, TestProvenance));
        return Run(bytes, nhwcInput, model.Tensors[model.Inputs[0]].Shape.Select(d => (long)d).ToArray());
    }

    public static float[] Run(byte[] onnx, float[] input, long[] shape)
    {
        using var session = new InferenceSession(onnx);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [inputValue], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public static float[] RandomValues(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
    }

    public static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-4f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"element {i}: expected {expected[i]}, got {actual[i]}");
            }
        }
    }
}
