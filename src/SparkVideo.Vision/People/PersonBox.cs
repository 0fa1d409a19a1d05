namespace SparkVideo.Vision.People;

/// <summary>A person's box in frame pixels (x, y: top left), with the detector's score (1 for a box given by hand).</summary>
public readonly record struct PersonBox(float X, float Y, float Width, float Height, float Score = 1f)
{
    public float Right => X + Width;

    public float Bottom => Y + Height;

    public float CenterX => X + Width / 2;

    public float CenterY => Y + Height / 2;

    /// <summary>Whether the point lies in the box, its edges included.</summary>
    public bool Contains(float x, float y) => x >= X && x <= Right && y >= Y && y <= Bottom;

    /// <summary>Intersection over union of two boxes (0 when they do not touch).</summary>
    public float Iou(PersonBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        var intersection = w * h;
        return intersection / (Width * Height + other.Width * other.Height - intersection);
    }
}
