namespace SparkVideo.Soak.Cameras;

/// <summary>One row of the camera soak's table: the job and the output at one moment.</summary>
public sealed record SoakRow(
    double Minute,
    double RssMiB,
    int FileDescriptors,
    int Threads,
    long Sent,
    long Written,
    long InFlight,
    long Late,
    long Deleted,
    double DiskMiB,
    double? LatencyP50Ms,
    double? LatencyP99Ms,
    double LoadAverage);
