using System.Collections.Concurrent;
using OpenCvSharp;

namespace SparkVideo.Vision.Compositing.Backgrounds;

/// <summary>
/// A picture behind the person, scaled to cover the frame (the shorter side fits, the rest is cropped evenly) and
/// decoded once: the remover holding it is made once per process and settings, and the picture at each frame size
/// is made once and only read afterwards.
/// </summary>
internal sealed class ImageBackground : IBackgroundSource
{
    private readonly Mat _picture;
    private readonly ConcurrentDictionary<Size, Lazy<Mat>> _covers = new();

    public ImageBackground(byte[] encoded)
    {
        _picture = BackgroundImageDecoder.Decode(encoded) ?? throw new ArgumentException("the background image is not a readable PNG or JPEG", nameof(encoded));
    }

    public Mat Render(Mat bgrFrame, Mat alpha, ModeScratch scratch) =>
        _covers.GetOrAdd(bgrFrame.Size(), size => new Lazy<Mat>(() => Cover(_picture, size))).Value;

    /// <summary>The picture scaled by the larger of the two ratios and cropped to <paramref name="size"/> around its centre.</summary>
    internal static Mat Cover(Mat picture, Size size)
    {
        var scale = Math.Max((double)size.Width / picture.Width, (double)size.Height / picture.Height);
        var scaled = new Size(Math.Max(size.Width, (int)Math.Ceiling(picture.Width * scale)), Math.Max(size.Height, (int)Math.Ceiling(picture.Height * scale)));
        using var resized = new Mat();
        Cv2.Resize(picture, resized, scaled, 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        var crop = new Rect((scaled.Width - size.Width) / 2, (scaled.Height - size.Height) / 2, size.Width, size.Height);
        using var view = new Mat(resized, crop);
        return view.Clone();
    }

    public void Dispose()
    {
        foreach (var cover in _covers.Values.Where(c => c.IsValueCreated))
        {
            cover.Value.Dispose();
        }
        _picture.Dispose();
    }
}
