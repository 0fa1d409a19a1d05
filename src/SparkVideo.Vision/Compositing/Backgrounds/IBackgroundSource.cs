using OpenCvSharp;

namespace SparkVideo.Vision.Compositing.Backgrounds;

/// <summary>Makes the picture that goes behind the person, for the modes whose background is not one colour.</summary>
internal interface IBackgroundSource : IDisposable
{
    /// <summary>
    /// A BGR CV_8UC3 image of the frame's size to composite the person onto. <paramref name="alpha"/> is the frame-size
    /// person probability (CV_32FC1). The image is the scratch's or the source's own: read it, never keep it.
    /// </summary>
    Mat Render(Mat bgrFrame, Mat alpha, ModeScratch scratch);
}
