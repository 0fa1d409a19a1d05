using SparkVideo.Testing;

namespace SparkVideo.PipelineBench.Bare;

/// <summary>
/// The sample video's frames decoded from the real file, resized to the benchmark size and JPEG-encoded the way
/// the camera server sends them, so the in-process loop starts from the same bytes the job receives.
/// </summary>
public static class SampleFrames
{
    private const int MaxFrames = 1000;

    public static IReadOnlyList<byte[]> Load(string videoPath, int width, int height)
    {
        try
        {
            return VideoJpegs.Encode(videoPath, width, height, MaxFrames);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new BenchException(e.Message);
        }
    }
}
