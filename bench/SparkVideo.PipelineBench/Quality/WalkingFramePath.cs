using OpenCvSharp;
using SparkVideo.Frames;
using SparkVideo.PipelineBench.Infrastructure;
using SparkVideo.PipelineBench.Temporal;
using SparkVideo.Testing.Quality;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>
/// The walking clips' CPU per frame through the UDF's own frame path: the camera's JPEG (quality 80, as the camera server
/// sends it) in base64 validated, decoded, masked, composited over gray and encoded, one thread; unlike the job and the
/// bare loop, no file is written. A camera's frames go through its own mask state in order.
/// </summary>
public static class WalkingFramePath
{
    /// <summary>A way of running the frame path; <see cref="DetectEvery"/> null: no camera state (the one pass).</summary>
    public sealed record Method(string Name, BackgroundRemover Remover, int? DetectEvery);

    public static List<WalkingCostRow> Measure(IReadOnlyList<Method> methods, GroundTruthSet set, int clipsPerHeight, int framesPerClip)
    {
        var rows = new List<WalkingCostRow>();
        var warmUp = Encode(set.Walking(GroundTruthSet.Heights[0], 1, 0));
        foreach (var method in methods)
        {
            Run(method, warmUp); // the first frame of a remover is slow
        }
        foreach (var height in GroundTruthSet.Heights.Append(0))
        {
            var clips = Enumerable.Range(0, clipsPerHeight).Select(clip => Encode(set.Walking(height, framesPerClip, clip))).ToList();
            foreach (var method in methods)
            {
                var cpuNs = clips.Sum(clip => Run(method, clip));
                var frames = clips.Sum(clip => clip.Count);
                rows.Add(new WalkingCostRow(method.Name, height, frames, cpuNs / 1e6 / frames));
            }
        }
        return rows;
    }

    /// <summary>One clip through a fresh camera state, frame by frame; the thread's CPU in nanoseconds.</summary>
    private static long Run(Method method, IReadOnlyList<string> clip)
    {
        using var state = method.DetectEvery is { } every ? new CameraMaskState(new TemporalMaskOptions { DetectEvery = every }) : null;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - 60;
        var cpuNs = 0L;
        for (var f = 0; f < clip.Count; f++)
        {
            var timestamp = start + f / 10.0;
            var before = ThreadCpu.Nanoseconds();
            if (!FrameValidator.Default.TryValidatePooled(timestamp, GroundTruthSet.Width, GroundTruthSet.Height, clip[f], DateTimeOffset.UtcNow, out var jpeg, out var error))
            {
                throw new BenchException($"a walking frame was rejected: {error}");
            }
            using (jpeg)
            {
                _ = state is null ? method.Remover.RemoveFromValidatedJpeg(jpeg) : method.Remover.RemoveForCamera(jpeg, state, timestamp, out _);
            }
            cpuNs += ThreadCpu.Nanoseconds() - before;
        }
        return cpuNs;
    }

    /// <summary>The clip's frames as the camera server sends them: JPEG, base64.</summary>
    private static List<string> Encode(IEnumerable<GroundTruthFrame> frames)
    {
        var encoded = new List<string>();
        foreach (var frame in frames)
        {
            using (frame)
            {
                Cv2.ImEncode(".jpg", frame.Bgr, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, StillClip.CameraJpegQuality));
                encoded.Add(Convert.ToBase64String(jpeg));
            }
        }
        return encoded;
    }
}

/// <summary>One method's CPU per frame on one height's walking clips (height 0: the scenes with nobody).</summary>
public sealed record WalkingCostRow(string Method, double Height, int Frames, double CpuMsPerFrame);
