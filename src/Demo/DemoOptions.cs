using SparkVideo.Demo.Runs;

namespace SparkVideo.Demo;

internal sealed record DemoOptions(
    IReadOnlyList<string> Sources,
    int Port,
    double Fps,
    int? MaxFrames,
    string OutputDir,
    string CheckpointDir,
    string Model,
    int UiPort,
    int Cameras = 1,
    string Background = "gray",
    string Edges = "none",
    DemoRunOptions? Run = null,
    string Segmentation = "people");
