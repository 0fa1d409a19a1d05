using OpenCvSharp;
using SparkVideo.Testing.Quality;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>
/// One way of producing a clip's alphas frame by frame, as a camera would: <see cref="StartClip"/> gives a fresh
/// per-camera state's alpha function (CV_8UC1, what a transparent background keeps) for each clip.
/// </summary>
public sealed record ClipMethod(string Name, Func<Func<GroundTruthFrame, Mat>> StartClip);
