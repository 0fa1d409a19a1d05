using OpenCvSharp;
using SparkVideo.Vision.Compositing;
using Xunit.Abstractions;

namespace SparkVideo.Vision.Tests;

/// <summary>
/// --edges on a frame with one sharp edge and a model-like blurry mask across it: the guided filter pulls the mask's
/// edge onto the frame's, the feather widens it, none leaves it as it is.
/// </summary>
public sealed class MaskEdgesTests(ITestOutputHelper output)
{
    private const int Width = 640, Height = 480, Edge = 320;

    [Fact]
    public void The_guided_filter_sharpens_the_mask_onto_the_frames_edge()
    {
        var (before, after) = TransitionWidths(EdgeRefinement.Guided);
        output.WriteLine($"guided: transition {before} px -> {after} px");
        Assert.True(after * 3 <= before, $"the transition went from {before} to {after} pixels");
    }

    [Fact]
    public void The_feather_widens_the_mask_edge()
    {
        var (before, after) = TransitionWidths(EdgeRefinement.Feather);
        output.WriteLine($"feather: transition {before} px -> {after} px");
        Assert.True(after > before, $"the transition went from {before} to {after} pixels");
    }

    [Fact]
    public void None_returns_the_mask_itself()
    {
        using var frame = new Mat(Height, Width, MatType.CV_8UC3, Scalar.All(0));
        using var mask = new Mat(Height, Width, MatType.CV_32FC1, Scalar.All(0.5));
        using var scratch = new ModeScratch();
        Assert.Same(mask, MaskEdges.Refine(frame, mask, EdgeRefinement.None, scratch));
    }

    [Theory]
    [InlineData(EdgeRefinement.Guided)]
    [InlineData(EdgeRefinement.Feather)]
    public void A_refined_mask_stays_a_probability(EdgeRefinement edges)
    {
        using var frame = StepFrame();
        using var mask = RampMask();
        using var scratch = new ModeScratch();
        var refined = MaskEdges.Refine(frame, mask, edges, scratch);
        refined.MinMaxLoc(out double min, out double max);
        Assert.InRange(min, 0.0, 1.0);
        Assert.InRange(max, 0.0, 1.0);
        Assert.Equal(MatType.CV_32FC1, refined.Type());
        Assert.Equal(frame.Size(), refined.Size());
    }

    private static (int Before, int After) TransitionWidths(EdgeRefinement edges)
    {
        using var frame = StepFrame();
        using var mask = RampMask();
        using var scratch = new ModeScratch();
        var refined = MaskEdges.Refine(frame, mask, edges, scratch);
        return (TransitionWidth(mask), TransitionWidth(refined));
    }

    /// <summary>A dark person (left) against a bright wall (right), the edge at column 320.</summary>
    private static Mat StepFrame()
    {
        var frame = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(200, 210, 220));
        Cv2.Rectangle(frame, new Rect(0, 0, Edge, Height), new Scalar(40, 50, 60), -1);
        return frame;
    }

    /// <summary>The person's probability falling from 1 to 0 over 40 columns around the edge, as an upsampled model mask does.</summary>
    private static Mat RampMask()
    {
        var mask = new Mat(Height, Width, MatType.CV_32FC1);
        for (var x = 0; x < Width; x++)
        {
            var p = Math.Clamp((Edge + 20 - x) / 40f, 0f, 1f);
            using var column = mask.ColRange(x, x + 1);
            column.SetTo(Scalar.All(p));
        }
        return mask;
    }

    /// <summary>Columns of the middle row whose probability lies strictly between 0.05 and 0.95.</summary>
    private static int TransitionWidth(Mat mask) =>
        Enumerable.Range(0, Width).Count(x => mask.At<float>(Height / 2, x) is > 0.05f and < 0.95f);
}
