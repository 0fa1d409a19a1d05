namespace SparkVideo.Vision.Compositing;

/// <summary>What the selfie model is shown (--segmentation).</summary>
public enum SegmentationMode
{
    /// <summary>Find the people (models/person_detection.onnx), then segment each on their own crop; nothing is kept where nobody is found.</summary>
    People,

    /// <summary>One pass over the whole frame: the seed's path, the cheapest, made for one person near the camera.</summary>
    Frame,
}
