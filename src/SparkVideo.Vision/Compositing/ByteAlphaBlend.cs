using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// output = round((frame · α + background · (255 − α)) / 255) per channel, on interleaved BGR bytes with one 8-bit α per
/// pixel: the blend in integers, 16 pixels per step with SIMD. Blocks of 16 pixels that are all background (α = 0) or
/// all person (α = 255), most of a frame, are a store of the colour or a copy.
/// </summary>
internal static class ByteAlphaBlend
{
    public const int Channels = 3;

    private const int Block = 16;

    public static void Blend(ReadOnlySpan<byte> bgr, ReadOnlySpan<byte> alpha, byte blue, byte green, byte red, Span<byte> output)
    {
        var pixels = alpha.Length;
        if (bgr.Length < pixels * Channels || output.Length < pixels * Channels)
        {
            throw new ArgumentException($"{pixels} alpha values need {pixels * Channels} bytes of frame and output");
        }
        var done = Vector128.IsHardwareAccelerated ? BlendBlocks(bgr, alpha, blue, green, red, output) : 0;
        ReadOnlySpan<byte> background = [blue, green, red];
        for (var i = done; i < pixels; i++)
        {
            int a = alpha[i];
            for (var c = 0; c < Channels; c++)
            {
                output[i * Channels + c] = Mix(bgr[i * Channels + c], background[c], a);
            }
        }
    }

    /// <summary>The scalar formula, exactly as the vector code computes it: round(x / 255) = (x + 128 + ((x + 128) >> 8)) >> 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Mix(int frame, int background, int alpha)
    {
        var x = frame * alpha + background * (255 - alpha) + 128;
        return (byte)((x + (x >> 8)) >> 8);
    }

    private static int BlendBlocks(ReadOnlySpan<byte> bgr, ReadOnlySpan<byte> alpha, byte b, byte g, byte r, Span<byte> output)
    {
        // 16 pixels are 48 bytes, three vectors; the colour and the α of each pixel, spread over its three bytes,
        // follow the same three patterns in every block.
        var background0 = Vector128.Create(b, g, r, b, g, r, b, g, r, b, g, r, b, g, r, b);
        var background1 = Vector128.Create(g, r, b, g, r, b, g, r, b, g, r, b, g, r, b, g);
        var background2 = Vector128.Create(r, b, g, r, b, g, r, b, g, r, b, g, r, b, g, r);
        var spread0 = Vector128.Create((byte)0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5);
        var spread1 = Vector128.Create((byte)5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10);
        var spread2 = Vector128.Create((byte)10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15);
        ref var source = ref MemoryMarshal.GetReference(bgr);
        ref var weights = ref MemoryMarshal.GetReference(alpha);
        ref var target = ref MemoryMarshal.GetReference(output);
        var i = 0;
        for (; i + Block <= alpha.Length; i += Block)
        {
            var a = Vector128.LoadUnsafe(ref weights, (nuint)i);
            var at = (nuint)(i * Channels);
            if (a == Vector128<byte>.Zero)
            {
                background0.StoreUnsafe(ref target, at);
                background1.StoreUnsafe(ref target, at + 16);
                background2.StoreUnsafe(ref target, at + 32);
            }
            else if (a == Vector128<byte>.AllBitsSet)
            {
                Vector128.LoadUnsafe(ref source, at).StoreUnsafe(ref target, at);
                Vector128.LoadUnsafe(ref source, at + 16).StoreUnsafe(ref target, at + 16);
                Vector128.LoadUnsafe(ref source, at + 32).StoreUnsafe(ref target, at + 32);
            }
            else
            {
                Mix(Vector128.LoadUnsafe(ref source, at), background0, Vector128.Shuffle(a, spread0)).StoreUnsafe(ref target, at);
                Mix(Vector128.LoadUnsafe(ref source, at + 16), background1, Vector128.Shuffle(a, spread1)).StoreUnsafe(ref target, at + 16);
                Mix(Vector128.LoadUnsafe(ref source, at + 32), background2, Vector128.Shuffle(a, spread2)).StoreUnsafe(ref target, at + 32);
            }
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Mix(Vector128<byte> frame, Vector128<byte> background, Vector128<byte> alpha)
    {
        if (Avx2.IsSupported)
        {
            // Sixteen 16-bit lanes at once: f·α + bg·(255 − α) + 128 ≤ 65,153 fits.
            var f = Avx2.ConvertToVector256Int16(frame).AsUInt16();
            var bg = Avx2.ConvertToVector256Int16(background).AsUInt16();
            var a = Avx2.ConvertToVector256Int16(alpha).AsUInt16();
            var x = f * a + bg * (Vector256.Create((ushort)255) - a) + Vector256.Create((ushort)128);
            x = (x + (x >>> 8)) >>> 8;
            return Vector128.Narrow(x.GetLower(), x.GetUpper());
        }
        var (frameLow, frameHigh) = Vector128.Widen(frame);
        var (backgroundLow, backgroundHigh) = Vector128.Widen(background);
        var (alphaLow, alphaHigh) = Vector128.Widen(alpha);
        return Vector128.Narrow(Mix(frameLow, backgroundLow, alphaLow), Mix(frameHigh, backgroundHigh, alphaHigh));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Mix(Vector128<ushort> f, Vector128<ushort> bg, Vector128<ushort> a)
    {
        var x = f * a + bg * (Vector128.Create((ushort)255) - a) + Vector128.Create((ushort)128);
        return (x + (x >>> 8)) >>> 8;
    }
}
