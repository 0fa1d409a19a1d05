using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace SparkVideo.Vision.Segmentation;

/// <summary>
/// One caller's reusable working set: Mats at the model's size, and OrtValues that view the input and output
/// Mats' memory directly, so that preprocessing writes straight into the tensor ORT reads. Not thread-safe;
/// <see cref="Segmenter"/> hands each concurrent caller its own instance.
/// </summary>
internal sealed class SegmenterBuffers : IDisposable
{
    private readonly Mat _resized;
    private readonly IntPtr _inputData;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly RunOptions _runOptions = new();

    public SegmenterBuffers(int width, int height)
    {
        Size = new Size(width, height);
        _resized = new Mat(Size, MatType.CV_8UC3);
        Input = new Mat(Size, MatType.CV_32FC3);
        Output = new Mat(Size, MatType.CV_32FC1);
        _inputData = Input.Data;
        _inputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float,
            [1, height, width, 3], Input.Data, (long)width * height * 3 * sizeof(float));
        _outputValue = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float,
            [1, height, width, 1], Output.Data, (long)width * height * sizeof(float));
    }

    public Size Size { get; }

    /// <summary>The model input: RGB, float [0,1], NHWC (a continuous CV_32FC3 Mat is exactly that layout).</summary>
    public Mat Input { get; }

    /// <summary>The model output: person probability per pixel, CV_32FC1 at the model's size.</summary>
    public Mat Output { get; }

    /// <summary>
    /// BGR frame of any size → stretched to the model size (bilinear, in bytes), then RGB, float [0,1] written into
    /// <see cref="Input"/> in one pass.
    /// </summary>
    public void Preprocess(Mat bgrFrame)
    {
        Cv2.Resize(bgrFrame, _resized, Size, 0, 0, InterpolationFlags.Linear);
        if (Input.Data != _inputData || !_resized.IsContinuous())
        {
            // The OrtValue views this memory; a reallocation would leave it pointing at freed memory.
            throw new InvalidOperationException("preprocessing reallocated the model input buffer");
        }
        ModelInputWriter.WriteRgbUnit(_resized.AsSpan<byte>(), Input.AsSpan<float>());
    }

    /// <summary>Runs the model on <see cref="Input"/>, writing <see cref="Output"/>. ORT's Run is thread-safe per session.</summary>
    public void Infer(InferenceSession session, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<string> outputNames) =>
        session.Run(_runOptions, inputNames, [_inputValue], outputNames, [_outputValue]);

    public void Dispose()
    {
        _inputValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _resized.Dispose();
        Input.Dispose();
        Output.Dispose();
    }
}
