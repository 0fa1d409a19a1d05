namespace SparkVideo.Demo.Runs;

/// <summary>How a demo run treats an earlier run's output, its disk use and the job's console.</summary>
/// <param name="ShowBatches">Every Nth batch table of the job is shown (1: every one, as the job prints them).</param>
/// <param name="Continue">Keep the earlier run's frames and checkpoint instead of starting clean.</param>
/// <param name="RetainGiB">Frames kept per output folder (the job's --retain-gib); 0 keeps everything.</param>
internal sealed record DemoRunOptions(int ShowBatches = DemoRunOptions.DefaultShowBatches, bool Continue = false, double RetainGiB = DemoRunOptions.DefaultRetainGiB)
{
    /// <summary>One table every 5 s at the camera's 10 FPS (a frame a batch), beside the [stats] line.</summary>
    public const int DefaultShowBatches = 50;

    /// <summary>About 90 minutes of one camera at the defaults (about 6 MB a minute).</summary>
    public const double DefaultRetainGiB = 0.5;
}
