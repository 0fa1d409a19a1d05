using OpenCvSharp;

namespace SparkVideo.Vision.Native;

/// <summary>
/// Runs OpenCV's work on the calling thread. The job already processes one frame per partition thread, so OpenCV's
/// own worker pool (sized to the cores) adds no throughput, and its idle workers wait by spinning on sched_yield:
/// measured 10.2 → 8.7–8.9 ms of job CPU per frame at 8 cameras of real video frames on 2 cores (December 2026).
/// The same as the bench's bare loop with one OpenCV thread; images and JPEG bytes are unchanged.
/// </summary>
public static class OpenCvThreading
{
    public static void RunOnCallingThreads() => Cv2.SetNumThreads(1);
}
