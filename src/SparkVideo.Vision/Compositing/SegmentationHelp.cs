namespace SparkVideo.Vision.Compositing;

/// <summary>The help of --segmentation and --detect-every, shared by every program that takes them.</summary>
public static class SegmentationHelp
{
    public const string Text =
        "What the model looks at: people (find each person, near or far, then segment each one; nothing is kept where nobody " +
        "is found) or frame (one pass over the whole frame: cheapest, for one person near the camera).";

    public const string DetectEvery =
        "With --segmentation people, find the people again every N frames per camera (1 = every frame); between, each camera's " +
        "boxes follow their people's masks. Above 1, each camera's frames run in one partition.";
}
