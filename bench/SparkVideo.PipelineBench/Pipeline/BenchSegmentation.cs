namespace SparkVideo.PipelineBench.Pipeline;

/// <summary>
/// The cost, capacity, latency and flicker scenarios run the job and the bare loop with one pass over the frame
/// (<c>--segmentation frame</c>): the setting whose capacity the project states (24 cameras on two cores), and the one
/// their history was measured with. The default, finding the people first, is measured by the quality scenario.
/// </summary>
public static class BenchSegmentation
{
    public const string OnePass = "frame";
}
