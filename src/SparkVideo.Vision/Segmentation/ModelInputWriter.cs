using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SparkVideo.Vision.Segmentation;

/// <summary>
/// BGR bytes (a frame already at the model size) → the model's input tensor, RGB, float in [0,1], NHWC, in one pass:
/// four pixels (12 bytes) per step are put in RGB order with one byte shuffle, widened to floats and scaled.
/// </summary>
internal static class ModelInputWriter
{
    private const float Scale = (float)(1.0 / 255.0);

    public static void WriteRgbUnit(ReadOnlySpan<byte> bgr, Span<float> tensor)
    {
        if (tensor.Length < bgr.Length)
        {
            throw new ArgumentException($"the tensor holds {tensor.Length} values, the frame has {bgr.Length}");
        }
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var swap = Vector128.Create((byte)2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 12, 13, 14, 15);
            var scale = Vector128.Create(Scale);
            ref var source = ref MemoryMarshal.GetReference(bgr);
            ref var target = ref MemoryMarshal.GetReference(tensor);
            // Each step reads 16 bytes and uses 12, so it stops while 16 are still there to read.
            for (; i + 16 <= bgr.Length; i += 12)
            {
                var rgb = Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)i), swap);
                var (low, high) = Vector128.Widen(rgb);
                var (first, second) = Vector128.Widen(low);
                var (third, _) = Vector128.Widen(high);
                (Vector128.ConvertToSingle(first.AsInt32()) * scale).StoreUnsafe(ref target, (nuint)i);
                (Vector128.ConvertToSingle(second.AsInt32()) * scale).StoreUnsafe(ref target, (nuint)(i + 4));
                (Vector128.ConvertToSingle(third.AsInt32()) * scale).StoreUnsafe(ref target, (nuint)(i + 8));
            }
        }
        for (; i + 2 < bgr.Length; i += 3)
        {
            tensor[i] = bgr[i + 2] * Scale;
            tensor[i + 1] = bgr[i + 1] * Scale;
            tensor[i + 2] = bgr[i] * Scale;
        }
    }
}
