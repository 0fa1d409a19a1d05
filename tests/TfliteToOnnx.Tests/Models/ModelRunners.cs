using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace SparkVideo.TfliteToOnnx.Tests.Models;

/// <summary>Runs the original .tflite in OpenCV DNN and the converted .onnx in ONNX Runtime on the same input.</summary>
public static class ModelRunners
{
    /// <summary>Photo → RGB, stretched to the model size, float [0,1], as a continuous HxWx3 Mat.</summary>
    public static Mat Preprocess(string photoPath, int width, int height)
    {
        using var bgr = Cv2.ImRead(photoPath);
        Assert.False(bgr.Empty(), $"cannot read {photoPath}");
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        using var rgb = new Mat();
        Cv2.CvtColor(resized, rgb, ColorConversionCodes.BGR2RGB);
        var input = new Mat();
        rgb.ConvertTo(input, MatType.CV_32FC3, 1.0 / 255);
        return input;
    }

    public static float[] RunOpenCv(string tflitePath, Mat input)
    {
        using var net = CvDnn.ReadNet(tflitePath);
        using var blob = CvDnn.BlobFromImage(input, 1.0, input.Size(), new Scalar(), swapRB: false, crop: false); // NCHW
        net.SetInput(blob);
        using var output = net.Forward(); // [1,1,H,W]
        return Floats(output, input.Width * input.Height);
    }

    public static float[] RunOnnxRuntime(byte[] onnx, Mat input)
    {
        using var session = new InferenceSession(onnx);
        var data = Floats(input, input.Width * input.Height * 3); // HWC = NHWC with N = 1
        using var value = OrtValue.CreateTensorValueFromMemory(data, [1, input.Height, input.Width, 3]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray(); // [1,H,W,1]
    }

    private static float[] Floats(Mat mat, int count)
    {
        Assert.True(mat.IsContinuous());
        var result = new float[count];
        Marshal.Copy(mat.Data, result, 0, count);
        return result;
    }
}
