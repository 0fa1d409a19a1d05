namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>Permutes constant tensors between TFLite (channels-last) and ONNX (channels-first) layouts.</summary>
public static class WeightLayout
{
    /// <summary>CONV_2D weights [O,H,W,I] → Conv OIHW.</summary>
    public static readonly int[] ConvOhwiToOihw = [0, 3, 1, 2];

    /// <summary>DEPTHWISE_CONV_2D weights [1,H,W,C·m] → Conv [C·m,1,H,W] with group = C.</summary>
    public static readonly int[] DepthwiseToOnnx = [3, 0, 1, 2];

    /// <summary>Transposed-conv weights [O,H,W,I] → ConvTranspose IOHW.</summary>
    public static readonly int[] TransposeConvOhwiToIohw = [3, 0, 1, 2];

    /// <summary>NHWC activations/constants → NCHW.</summary>
    public static readonly int[] NhwcToNchw = [0, 3, 1, 2];

    /// <summary>NCHW → NHWC.</summary>
    public static readonly int[] NchwToNhwc = [0, 2, 3, 1];

    /// <summary>Generic transpose: result axis i is source axis perm[i].</summary>
    public static (float[] Data, int[] Shape) Permute(float[] data, int[] shape, int[] perm)
    {
        if (perm.Length != shape.Length)
        {
            throw new ArgumentException($"permutation of rank {perm.Length} for a tensor of rank {shape.Length}");
        }
        var rank = shape.Length;
        var outShape = perm.Select(p => shape[p]).ToArray();
        var sourceStrides = Strides(shape);
        var result = new float[data.Length];
        var index = new int[rank];
        for (var flat = 0; flat < result.Length; flat++)
        {
            var source = 0;
            for (var axis = 0; axis < rank; axis++)
            {
                source += index[axis] * sourceStrides[perm[axis]];
            }
            result[flat] = data[source];
            for (var axis = rank - 1; axis >= 0; axis--)
            {
                if (++index[axis] < outShape[axis])
                {
                    break;
                }
                index[axis] = 0;
            }
        }
        return (result, outShape);
    }

    private static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        var stride = 1;
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }
}
