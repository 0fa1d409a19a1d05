namespace SparkVideo.TfliteToOnnx.Tests.Support;

/// <summary>
/// Straightforward NHWC (batch 1) implementations of the TFLite ops, written from TensorFlow's definitions,
/// to check the converted ONNX graphs against.
/// </summary>
public static class ReferenceOps
{
    /// <summary>TF SAME: out = ceil(in / stride); the smaller half of the padding goes first.</summary>
    public static (int OutSize, int PadBefore) Same(int inSize, int kernel, int stride)
    {
        var outSize = (int)Math.Ceiling(inSize / (double)stride);
        var total = Math.Max((outSize - 1) * stride + kernel - inSize, 0);
        return (outSize, total / 2);
    }

    /// <summary>CONV_2D, weights [O,kh,kw,I], SAME padding.</summary>
    public static float[] Conv2DSame(float[] x, int h, int w, int cin, float[] weights, int cout, int kh, int kw, float[] bias, int stride)
    {
        var (oh, top) = Same(h, kh, stride);
        var (ow, left) = Same(w, kw, stride);
        var y = new float[oh * ow * cout];
        for (var oy = 0; oy < oh; oy++)
            for (var ox = 0; ox < ow; ox++)
                for (var o = 0; o < cout; o++)
                {
                    double sum = bias[o];
                    for (var ky = 0; ky < kh; ky++)
                        for (var kx = 0; kx < kw; kx++)
                        {
                            int iy = oy * stride - top + ky, ix = ox * stride - left + kx;
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w)
                            {
                                continue;
                            }
                            for (var i = 0; i < cin; i++)
                            {
                                sum += x[(iy * w + ix) * cin + i] * weights[((o * kh + ky) * kw + kx) * cin + i];
                            }
                        }
                    y[(oy * ow + ox) * cout + o] = (float)sum;
                }
        return y;
    }

    /// <summary>DEPTHWISE_CONV_2D, weights [1,kh,kw,C·m], output channel c·m + j reads input channel c.</summary>
    public static float[] DepthwiseSame(float[] x, int h, int w, int c, int multiplier, float[] weights, int kh, int kw, float[] bias, int stride)
    {
        var (oh, top) = Same(h, kh, stride);
        var (ow, left) = Same(w, kw, stride);
        var cout = c * multiplier;
        var y = new float[oh * ow * cout];
        for (var oy = 0; oy < oh; oy++)
            for (var ox = 0; ox < ow; ox++)
                for (var oc = 0; oc < cout; oc++)
                {
                    var ic = oc / multiplier;
                    double sum = bias[oc];
                    for (var ky = 0; ky < kh; ky++)
                        for (var kx = 0; kx < kw; kx++)
                        {
                            int iy = oy * stride - top + ky, ix = ox * stride - left + kx;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                            {
                                sum += x[(iy * w + ix) * c + ic] * weights[(ky * kw + kx) * cout + oc];
                            }
                        }
                    y[(oy * ow + ox) * cout + oc] = (float)sum;
                }
        return y;
    }

    /// <summary>Transposed convolution (weights [O,kh,kw,I]): scatter every input pixel, then crop to the output size.</summary>
    public static float[] TransposeConv(float[] x, int h, int w, int cin, float[] weights, int cout, int kh, int kw, float[] bias,
        int stride, int oh, int ow)
    {
        int fullH = (h - 1) * stride + kh, fullW = (w - 1) * stride + kw;
        var full = new double[fullH * fullW * cout];
        for (var iy = 0; iy < h; iy++)
            for (var ix = 0; ix < w; ix++)
                for (var ky = 0; ky < kh; ky++)
                    for (var kx = 0; kx < kw; kx++)
                        for (var o = 0; o < cout; o++)
                            for (var i = 0; i < cin; i++)
                            {
                                full[((iy * stride + ky) * fullW + ix * stride + kx) * cout + o] +=
                                    x[(iy * w + ix) * cin + i] * weights[((o * kh + ky) * kw + kx) * cin + i];
                            }
        int top = Math.Max(fullH - oh, 0) / 2, left = Math.Max(fullW - ow, 0) / 2;
        var y = new float[oh * ow * cout];
        for (var oy = 0; oy < oh; oy++)
            for (var ox = 0; ox < ow; ox++)
                for (var o = 0; o < cout; o++)
                {
                    int fy = oy + top, fx = ox + left;
                    var value = fy < fullH && fx < fullW ? full[(fy * fullW + fx) * cout + o] : 0;
                    y[(oy * ow + ox) * cout + o] = (float)(value + bias[o]);
                }
        return y;
    }

    /// <summary>RESIZE_BILINEAR with half_pixel_centers=true, align_corners=false (TF's formula).</summary>
    public static float[] ResizeBilinearHalfPixel(float[] x, int h, int w, int c, int oh, int ow)
    {
        var y = new float[oh * ow * c];
        for (var oy = 0; oy < oh; oy++)
            for (var ox = 0; ox < ow; ox++)
            {
                var (y0, y1, fy) = Source(oy, h, oh);
                var (x0, x1, fx) = Source(ox, w, ow);
                for (var ch = 0; ch < c; ch++)
                {
                    float At(int yy, int xx) => x[(yy * w + xx) * c + ch];
                    var top = At(y0, x0) + (At(y0, x1) - At(y0, x0)) * fx;
                    var bottom = At(y1, x0) + (At(y1, x1) - At(y1, x0)) * fx;
                    y[(oy * ow + ox) * c + ch] = top + (bottom - top) * fy;
                }
            }
        return y;

        static (int Lower, int Upper, float Fraction) Source(int outIndex, int inSize, int outSize)
        {
            var position = (outIndex + 0.5f) * inSize / outSize - 0.5f;
            var floor = (int)Math.Floor(position);
            return (Math.Max(floor, 0), Math.Min((int)Math.Ceiling(position), inSize - 1), position - floor);
        }
    }
}
