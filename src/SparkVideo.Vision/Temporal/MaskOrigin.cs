namespace SparkVideo.Vision.Temporal;

/// <summary>Where a frame's mask came from: the model, or the camera's last segmented frame (mask reuse).</summary>
public enum MaskOrigin
{
    Segmented,
    Reused,
}
