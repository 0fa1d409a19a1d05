using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SparkVideo.TfliteToOnnx.Quantization;

/// <summary>
/// Calibration inputs made as the segmenter makes them (stretched to the model size, RGB, float [0,1], NHWC):
/// evenly spaced frames of each video, and each image.
/// </summary>
public static class CalibrationInputs
{
    private static readonly HashSet<string> ImageExtensions = new([".jpg", ".jpeg", ".png", ".bmp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Frame indices k · total / count (k = 0..count−1) of every video; every image (a folder: its images, sorted).</summary>
    public static List<float[]> Load(IEnumerable<string> paths, int framesPerVideo, int width, int height)
    {
        var inputs = new List<float[]>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Where(IsImage).Order(StringComparer.Ordinal))
                {
                    inputs.Add(FromImage(file, width, height));
                }
            }
            else if (IsImage(path))
            {
                inputs.Add(FromImage(path, width, height));
            }
            else
            {
                inputs.AddRange(FromVideo(path, framesPerVideo, width, height));
            }
        }
        return inputs;
    }

    public static float[] Preprocess(Mat bgr, int width, int height)
    {
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        using var rgb = new Mat();
        Cv2.CvtColor(resized, rgb, ColorConversionCodes.BGR2RGB);
        using var scaled = new Mat();
        rgb.ConvertTo(scaled, MatType.CV_32FC3, 1.0 / 255);
        var data = new float[width * height * 3];
        Marshal.Copy(scaled.Data, data, 0, data.Length);
        return data;
    }

    private static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path));

    private static float[] FromImage(string path, int width, int height)
    {
        using var image = Cv2.ImRead(path, ImreadModes.Color);
        return image.Empty()
            ? throw new InvalidDataException($"cannot read calibration image {path}")
            : Preprocess(image, width, height);
    }

    private static List<float[]> FromVideo(string path, int count, int width, int height)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"calibration input not found: {path}");
        }
        using var capture = new VideoCapture(path);
        var total = (int)capture.Get(VideoCaptureProperties.FrameCount);
        if (!capture.IsOpened() || total <= 0)
        {
            throw new InvalidDataException($"cannot read calibration video {path}");
        }
        var wanted = Enumerable.Range(0, count).Select(k => (int)((long)k * total / count)).ToHashSet();
        var inputs = new List<float[]>();
        using var frame = new Mat();
        for (var index = 0; index < total && capture.Read(frame) && !frame.Empty(); index++)
        {
            if (wanted.Contains(index))
            {
                inputs.Add(Preprocess(frame, width, height));
            }
        }
        return inputs;
    }
}
