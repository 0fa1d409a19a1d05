using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>Drawing for <see cref="SyntheticFrameSource"/>: a brick wall, a floor and a walking stick figure with volume.</summary>
internal static class SyntheticScene
{
    private const double WalkCycleFrames = 16;
    private const double PixelsPerFrame = 6;
    private const int StartX = 160;

    private static readonly Scalar Skin = new(150, 180, 225);
    private static readonly Scalar Shirt = new(60, 60, 200);
    private static readonly Scalar Trousers = new(90, 50, 30);

    public static Mat CreateBackground(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(95, 120, 150));
        try
        {
            Paint(image, width, height);
            return image;
        }
        catch
        {
            // The caller owns the Mat only once it is returned.
            image.Dispose();
            throw;
        }
    }

    private static void Paint(Mat image, int width, int height)
    {
        var floorTop = height * 3 / 4;
        const int brickHeight = 24;
        const int brickWidth = 56;
        for (var row = 0; row * brickHeight < floorTop; row++)
        {
            var offset = row % 2 == 0 ? 0 : brickWidth / 2;
            for (var x = -offset; x < width; x += brickWidth)
            {
                var shade = 110 + (row * 37 + x * 13) % 40;
                var brick = new Rect(x + 2, row * brickHeight + 2, brickWidth - 4, brickHeight - 4);
                Cv2.Rectangle(image, brick, new Scalar(shade - 40, shade - 20, shade + 40), -1);
            }
        }
        Cv2.Rectangle(image, new Rect(0, floorTop, width, height - floorTop), new Scalar(70, 85, 95), -1);
        for (var x = 0; x < width; x += 40)
        {
            Cv2.Line(image, new Point(x, floorTop), new Point(x * 2 - width / 2, height), new Scalar(60, 72, 80), 2);
        }

        // Fine grain so the JPEG encoder sees real texture, as it would with a camera.
        using var noise = new Mat(height, width, MatType.CV_8UC3);
        Cv2.Randu(noise, new Scalar(0, 0, 0), new Scalar(24, 24, 24));
        Cv2.Add(image, noise, image);
    }

    /// <summary>Draws the figure at its position for this frame: it walks across the frame and wraps around.</summary>
    public static void DrawWalker(Mat frame, long frameNumber)
    {
        const int margin = 80; // the figure walks fully out of view before it wraps around
        var span = frame.Width + 2 * margin;
        var hipX = (int)((StartX + margin + frameNumber * PixelsPerFrame) % span) - margin;
        var phase = 2 * Math.PI * frameNumber / WalkCycleFrames;
        var scale = frame.Height / 480.0;
        var footY = (int)(frame.Height * 0.92);
        var hipY = footY - (int)(150 * scale) - (int)(Math.Abs(Math.Sin(phase)) * 4 * scale);
        var shoulderY = hipY - (int)(120 * scale);
        var headRadius = (int)(26 * scale);
        var limb = Math.Max(2, (int)(18 * scale));

        Cv2.Ellipse(frame, new Point(hipX, footY + (int)(6 * scale)), new Size((int)(45 * scale), (int)(9 * scale)),
            0, 0, 360, new Scalar(40, 50, 55), -1, LineTypes.AntiAlias);

        var swing = Math.Sin(phase) * 0.45;
        DrawLimb(frame, new Point(hipX, hipY), 150 * scale, swing, Trousers, limb);
        DrawLimb(frame, new Point(hipX, hipY), 150 * scale, -swing, Trousers, limb);

        var torso = new RotatedRect(new Point2f(hipX, (hipY + shoulderY) / 2f), new Size2f(58 * scale, 140 * scale), 0);
        Cv2.Ellipse(frame, torso, Shirt, -1, LineTypes.AntiAlias);

        DrawLimb(frame, new Point(hipX, shoulderY + (int)(8 * scale)), 105 * scale, -swing * 0.8, Skin, limb - 4);
        DrawLimb(frame, new Point(hipX, shoulderY + (int)(8 * scale)), 105 * scale, swing * 0.8, Skin, limb - 4);

        Cv2.Line(frame, new Point(hipX, shoulderY), new Point(hipX, shoulderY - headRadius), Skin, limb - 6, LineTypes.AntiAlias);
        Cv2.Circle(frame, new Point(hipX, shoulderY - headRadius - (int)(10 * scale)), headRadius, Skin, -1, LineTypes.AntiAlias);
    }

    public static void DrawCaption(Mat frame, long frameNumber, DateTime now)
    {
        var text = $"synthetic frame {frameNumber}  {now:HH:mm:ss.fff}";
        var origin = new Point(12, 28);
        Cv2.PutText(frame, text, origin, HersheyFonts.HersheySimplex, 0.7, Scalar.Black, 4, LineTypes.AntiAlias);
        Cv2.PutText(frame, text, origin, HersheyFonts.HersheySimplex, 0.7, Scalar.White, 1, LineTypes.AntiAlias);
    }

    private static void DrawLimb(Mat frame, Point from, double length, double angle, Scalar color, int thickness)
    {
        var to = new Point(from.X + (int)(Math.Sin(angle) * length), from.Y + (int)(Math.Cos(angle) * length));
        Cv2.Line(frame, from, to, color, thickness, LineTypes.AntiAlias);
    }
}
