using OpenCvSharp;
using OpenCvSharp.XImgProc;

namespace SparkVideo.Vision.Compositing;

/// <summary>
/// Refines the frame-size soft mask before compositing (<c>--edges</c>). The guided filter (He et al., OpenCV's
/// ximgproc) fits the mask locally as a linear function of the frame, so its edge moves onto the frame's own edges;
/// it runs at half resolution (the "fast guided filter"), where the model's mask has no finer detail to lose anyway.
/// </summary>
internal static class MaskEdges
{
    /// <summary>The guided filter's window radius at half resolution (16 pixels of the frame: wider than the model's blurry edge).</summary>
    internal const int GuidedRadius = 8;

    /// <summary>
    /// Its regularisation, for the guide scaled to [0,1] as ximgproc does: local contrast well above √0.001 ≈ 8 levels
    /// steers the edge, flat areas keep the model's mask (the paper's range is 0.001-0.01; 0.01 blurred the edge).
    /// </summary>
    internal const double GuidedEps = 0.001;

    /// <summary>The feather's Gaussian sigma, in frame pixels.</summary>
    internal const double FeatherSigma = 3.0;

    /// <summary>The refined mask (CV_32FC1 in [0,1]): <paramref name="frameMask"/> itself for <see cref="EdgeRefinement.None"/>.</summary>
    public static Mat Refine(Mat bgrFrame, Mat frameMask, EdgeRefinement edges, ModeScratch scratch)
    {
        switch (edges)
        {
            case EdgeRefinement.Guided:
                var small = new Size(Math.Max(1, bgrFrame.Width / 2), Math.Max(1, bgrFrame.Height / 2));
                Cv2.Resize(bgrFrame, scratch.SmallGuide, small, 0, 0, InterpolationFlags.Area);
                Cv2.Resize(frameMask, scratch.SmallMask, small, 0, 0, InterpolationFlags.Area);
                CvXImgProc.GuidedFilter(scratch.SmallGuide, scratch.SmallMask, scratch.SmallMask, GuidedRadius, GuidedEps, -1);
                Cv2.Resize(scratch.SmallMask, scratch.RefinedMask, bgrFrame.Size(), 0, 0, InterpolationFlags.Linear);
                Clamp(scratch.RefinedMask);
                return scratch.RefinedMask;
            case EdgeRefinement.Feather:
                Cv2.GaussianBlur(frameMask, scratch.RefinedMask, new Size(0, 0), FeatherSigma);
                return scratch.RefinedMask;
            default:
                return frameMask;
        }
    }

    /// <summary>The filter's linear fit overshoots a little at strong edges; a probability stays in [0,1].</summary>
    private static void Clamp(Mat mask)
    {
        Cv2.Threshold(mask, mask, 1.0, 1.0, ThresholdTypes.Trunc);
        Cv2.Threshold(mask, mask, 0.0, 0.0, ThresholdTypes.Tozero);
    }
}
