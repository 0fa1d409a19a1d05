using OpenCvSharp;

namespace SparkVideo.CameraServer.Sources;

/// <summary>
/// OpenCV's back ends print multi-line warnings while probing a device or file that does not open;
/// those are silenced around the probe because the caller reports one clear line instead.
/// </summary>
internal static class OpenCvLogging
{
    public static T Quietly<T>(Func<T> probe)
    {
        Cv2.SetLogLevel(LogLevel.SILENT);
        try
        {
            return probe();
        }
        finally
        {
            Cv2.SetLogLevel(LogLevel.ERROR);
        }
    }
}
