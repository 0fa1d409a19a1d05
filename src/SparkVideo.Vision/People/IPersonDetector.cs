using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>Finds the people in a BGR frame, as boxes in its pixels. Implementations are thread-safe.</summary>
public interface IPersonDetector : IDisposable
{
    List<PersonBox> Detect(Mat bgrFrame);
}
