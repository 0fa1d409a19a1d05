using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace SparkVideo.Vision.Tests.FramePath;

/// <summary>
/// The frame path as it was before the byte path (kept here as the reference the fast path is held to): OpenCV
/// resize, BGR→RGB and float conversion as three passes, the model in its own ONNX Runtime session, the float mask
/// upsampled to the frame, and OpenCV's float-weighted BlendLinear over a frame-size image of the colour.
/// </summary>
public sealed class ReferenceFramePath : IDisposable
{
    private readonly InferenceSession _session;

    public ReferenceFramePath(string modelPath, int width, int height)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        (Width, Height) = (width, height);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The model input as the old path made it: RGB, float [0,1], NHWC.</summary>
    public float[] Preprocess(Mat bgrFrame)
    {
        using var resized = new Mat();
        Cv2.Resize(bgrFrame, resized, new Size(Width, Height), 0, 0, InterpolationFlags.Linear);
        using var rgb = new Mat();
        Cv2.CvtColor(resized, rgb, ColorConversionCodes.BGR2RGB);
        using var input = new Mat();
        rgb.ConvertTo(input, MatType.CV_32FC3, 1.0 / 255.0);
        var values = new float[Width * Height * 3];
        Marshal.Copy(input.Data, values, 0, values.Length);
        return values;
    }

    /// <summary>The model-size probability mask, CV_32FC1.</summary>
    public Mat Segment(Mat bgrFrame)
    {
        var input = Preprocess(bgrFrame);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, Height, Width, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_session.InputNames[0]], [value], [_session.OutputNames[0]]);
        var mask = new Mat(Height, Width, MatType.CV_32FC1);
        outputs[0].GetTensorDataAsSpan<float>().CopyTo(mask.AsSpan<float>());
        return mask;
    }

    /// <summary>The old composite: the float mask at frame size, 1 − α as a float image, BlendLinear.</summary>
    public static Mat Composite(Mat bgrFrame, Mat modelMask, Scalar backgroundBgr, float? threshold)
    {
        using var alpha = new Mat();
        Cv2.Resize(modelMask, alpha, bgrFrame.Size(), 0, 0, InterpolationFlags.Linear);
        if (threshold is { } t)
        {
            Cv2.Threshold(alpha, alpha, t, 1.0, ThresholdTypes.Binary);
        }
        using var inverse = new Mat();
        alpha.ConvertTo(inverse, MatType.CV_32FC1, -1.0, 1.0);
        using var background = new Mat(bgrFrame.Size(), MatType.CV_8UC3, backgroundBgr);
        var output = new Mat();
        Cv2.BlendLinear(bgrFrame, background, alpha, inverse, output);
        return output;
    }

    public Mat Remove(Mat bgrFrame, Scalar backgroundBgr, float? threshold)
    {
        using var mask = Segment(bgrFrame);
        return Composite(bgrFrame, mask, backgroundBgr, threshold);
    }

    public void Dispose() => _session.Dispose();
}
