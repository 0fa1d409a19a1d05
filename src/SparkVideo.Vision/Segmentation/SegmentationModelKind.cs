namespace SparkVideo.Vision.Segmentation;

/// <summary>Which MediaPipe selfie segmentation model to run.</summary>
public enum SegmentationModelKind
{
    /// <summary>selfie_segmentation: 256x256 input.</summary>
    General,

    /// <summary>selfie_segmentation_landscape: 144x256 (height x width) input, cheaper, made for 16:9-ish frames.</summary>
    Landscape,
}
