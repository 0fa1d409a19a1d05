using OpenCvSharp;

namespace SparkVideo.Vision.Tests;

/// <summary>
/// A still camera: one photo, each frame with fresh sensor noise (Gaussian, the given sigma) and through JPEG as the
/// camera server sends it (quality 80).
/// </summary>
public static class NoisyClip
{
    public static List<Mat> Of(string photo, int frames, double sigma = 3, int seed = 1)
    {
        using var still = Cv2.ImRead(TestFiles.Photo(photo), ImreadModes.Color);
        var random = new RNG((ulong)seed);
        var clip = new List<Mat>(frames);
        using var wide = new Mat();
        using var noise = new Mat(still.Size(), MatType.CV_16SC3);
        for (var i = 0; i < frames; i++)
        {
            still.ConvertTo(wide, MatType.CV_16SC3);
            random.Fill(noise, DistributionType.Normal, 0, sigma);
            Cv2.Add(wide, noise, wide);
            using var noisy = new Mat();
            wide.ConvertTo(noisy, MatType.CV_8UC3);
            Cv2.ImEncode(".jpg", noisy, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 80));
            clip.Add(Cv2.ImDecode(jpeg, ImreadModes.Color));
        }
        return clip;
    }
}
