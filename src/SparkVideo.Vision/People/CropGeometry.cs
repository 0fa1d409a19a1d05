using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>
/// How a person's box becomes the crop the selfie model sees: the box grown by <see cref="Padding"/> of its height on
/// every side, then widened (or heightened) about its centre to the model input's aspect, so the stretch to the model
/// size keeps the person's proportions; clipped to the frame.
/// </summary>
public sealed record CropGeometry(float Padding = CropGeometry.DefaultPadding)
{
    public const float DefaultPadding = 0.1f;

    public Rect CropOf(PersonBox box, Size frame, Size modelInput)
    {
        var pad = Padding * box.Height;
        var width = box.Width + 2 * pad;
        var height = box.Height + 2 * pad;
        var aspect = modelInput.Width / (float)modelInput.Height;
        if (width / height < aspect)
        {
            width = height * aspect;
        }
        else
        {
            height = width / aspect;
        }
        var x0 = (int)MathF.Floor(Math.Max(0, box.CenterX - width / 2));
        var y0 = (int)MathF.Floor(Math.Max(0, box.CenterY - height / 2));
        var x1 = (int)MathF.Ceiling(Math.Min(frame.Width, box.CenterX + width / 2));
        var y1 = (int)MathF.Ceiling(Math.Min(frame.Height, box.CenterY + height / 2));
        return new Rect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }
}
