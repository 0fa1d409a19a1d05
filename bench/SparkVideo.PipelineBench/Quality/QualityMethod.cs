using OpenCvSharp;
using SparkVideo.Testing.Quality;

namespace SparkVideo.PipelineBench.Quality;

/// <summary>One way of producing a frame's alpha (CV_8UC1, what a transparent background keeps), under a name for the table.</summary>
public sealed record QualityMethod(string Name, Func<GroundTruthFrame, Mat> Alpha);
