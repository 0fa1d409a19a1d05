using OpenCvSharp;
using SparkVideo.Vision.People;

namespace SparkVideo.Testing.Quality;

/// <summary>
/// One composite with its exact answer: <see cref="Bgr"/> (640x480, JPEG-decoded as the camera server would send it),
/// <see cref="Truth"/> (CV_8UC1, 255 where a person was pasted) and the pasted people's boxes.
/// <see cref="PersonHeight"/> is the people's height as a share of the frame's (0 for a frame with nobody).
/// </summary>
public sealed class GroundTruthFrame(string name, double personHeight, Mat bgr, Mat truth, IReadOnlyList<PersonBox> boxes) : IDisposable
{
    public string Name { get; } = name;

    public double PersonHeight { get; } = personHeight;

    public Mat Bgr { get; } = bgr;

    public Mat Truth { get; } = truth;

    public IReadOnlyList<PersonBox> Boxes { get; } = boxes;

    public void Dispose()
    {
        Bgr.Dispose();
        Truth.Dispose();
    }
}
