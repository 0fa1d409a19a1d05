using OpenCvSharp;

namespace SparkVideo.PipelineBench.Temporal;

/// <summary>
/// A still camera made from one frame: the same picture every frame, with fresh Gaussian sensor noise on each, JPEG
/// encoded as the camera server sends it (quality 80). Seeded, so every run plays the same clip.
/// </summary>
public static class StillClip
{
    public const int CameraJpegQuality = 80;

    public static List<byte[]> Make(Mat frame, int frames, double sigma, int seed = 3)
    {
        var random = new RNG((ulong)seed);
        var clip = new List<byte[]>(frames);
        using var wide = new Mat();
        using var noise = new Mat(frame.Size(), MatType.CV_16SC3);
        using var noisy = new Mat();
        for (var i = 0; i < frames; i++)
        {
            frame.ConvertTo(wide, MatType.CV_16SC3);
            random.Fill(noise, DistributionType.Normal, 0, sigma);
            Cv2.Add(wide, noise, wide);
            wide.ConvertTo(noisy, MatType.CV_8UC3);
            Cv2.ImEncode(".jpg", noisy, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, CameraJpegQuality));
            clip.Add(jpeg);
        }
        return clip;
    }
}
