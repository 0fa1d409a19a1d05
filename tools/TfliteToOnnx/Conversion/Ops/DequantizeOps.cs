using System.Runtime.InteropServices;

namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>DEQUANTIZE of a float16 constant: folded into a float32 constant (float16 → float32 is exact).</summary>
public static class DequantizeOps
{
    public static void Dequantize(TfliteOperator op, ConversionContext context)
    {
        var source = context.Tensor(op.Inputs[0]);
        if (source is not { IsConstant: true, Type: TensorType.Float16 })
        {
            throw new UnsupportedOperatorException(
                $"DEQUANTIZE (operator {op.Index}): only float16 constants are supported, '{source.Name}' is a {(source.IsConstant ? "constant" : "non-constant")} {source.Type}");
        }
        var halves = MemoryMarshal.Cast<byte, Half>(source.Data);
        var values = new float[halves.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)halves[i];
        }
        context.SetFoldedConstant(op.Outputs[0], values);
    }
}
