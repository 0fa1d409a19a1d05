namespace SparkVideo.Vision.People;

/// <summary>
/// The anchor centres of MediaPipe's pose detector (SSD anchors, 224x224 input, strides 8, 16, 32, 32, 32, one aspect
/// ratio, fixed anchor size): 28x28x2 + 14x14x2 + 7x7x6 = 2254, in the order the model's outputs list them.
/// </summary>
internal static class PoseDetectorAnchors
{
    public const int InputSize = 224;

    public static readonly (float X, float Y)[] Centers = Build();

    private static (float X, float Y)[] Build()
    {
        var anchors = new List<(float, float)>();
        foreach (var (cells, perCell) in new[] { (28, 2), (14, 2), (7, 6) })
        {
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var a = 0; a < perCell; a++)
                    {
                        anchors.Add(((x + 0.5f) / cells, (y + 0.5f) / cells));
                    }
                }
            }
        }
        return [.. anchors];
    }
}
