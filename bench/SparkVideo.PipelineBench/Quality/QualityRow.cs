namespace SparkVideo.PipelineBench.Quality;

/// <summary>One method's mean scores on one height bucket (height 0: the frames with nobody).</summary>
public sealed record QualityRow(string Method, double Height, int Frames, double Iou, double SoftIou, double BoundaryIou, double KeptShare, double KeptOpacity, double CpuMsPerFrame);
