using System.CommandLine;
using SparkVideo.CommandLine;
using SparkVideo.Demo;
using SparkVideo.Demo.Runs;
using SparkVideo.Frames;
using SparkVideo.Frames.Output;
using SparkVideo.LiveView;
using SparkVideo.Vision.Compositing;
using static SparkVideo.CommandLine.CommandOptions;

var source = new Option<string[]>("--source")
{
    Description = "Video file, webcam index, 'synthetic' or a network camera (rtsp://USER:PASSWORD@HOST/..., http://HOST/video.mjpg); " +
        "repeat it with --cameras N for one source per camera, in order (cameras without one are synthetic). " +
        "Default: the sample video, looped.",
    Arity = ArgumentArity.OneOrMore,
    AllowMultipleArgumentsPerToken = false,
    DefaultValueFactory = _ => [DemoPipeline.DefaultSource()],
};
var port = WithDefault("--port", "Loopback TCP port between the camera server and the job.", FrameContract.DefaultPort).Between(1, 65535);
var fps = WithDefault("--fps", "Camera frame rate.", 10.0).Require(f => f > 0, "--fps must be positive");
var maxFrames = new Option<int?>("--max-frames")
{
    Description = "Stop after this many frames have been processed, per camera (default: run until Ctrl+C).",
}.Require(m => m is null or >= 1, "--max-frames must be at least 1");
var output = WithDefault("--output-dir", "Where processed frames are written.", OutputLayout.DefaultOutputDir);
var checkpoint = WithDefault("--checkpoint-dir", "Streaming checkpoint directory.", OutputLayout.DefaultCheckpointDir);
var uiPort = WithDefault(
    "--ui-port", "First port tried for the live view page (the next 15 when taken; 0 = off).", LiveViewOptions.DefaultPort)
    .Require(p => p is >= 0 and <= 65535, "--ui-port must be between 0 (off) and 65535");
var cameras = WithDefault(
    "--cameras",
    "Camera servers to run (each on its --source, in order; those without one synthetic; on --port, --port+1, ...), all read by one job: " +
        "frames in output_frames/cam<N>/.",
    1).Between(1, 64);
var model = WithDefault("--model", "general or landscape.", "general");
model.AcceptOnlyFromAmong("general", "landscape");
// Checked here, so a bad value stops the demo before any process starts; the job is given the same value.
var background = WithDefault("--background", BackgroundSpecParser.Help, "gray").Check(BackgroundSpecParser.Problem);
var edges = LowerCaseChoice<EdgeRefinement>("--edges", BackgroundSpecParser.EdgesHelp);
var segmentation = LowerCaseChoice<SegmentationMode>("--segmentation", SegmentationHelp.Text);

var root = new RootCommand(
    "SparkVideo demo: runs the camera server on a video and the streaming job on the embedded engine, side by side, " +
    "and prints the live view's address (input and output video, charts). Ctrl+C stops both.")
{
    source, port, fps, maxFrames, output, checkpoint, model, uiPort, cameras, background, edges, segmentation,
};
DemoRunCommandLine.AddTo(root);
root.SetAction(result => DemoPipeline.Run(new DemoOptions(
    result.GetValue(source)!, result.GetValue(port), result.GetValue(fps), result.GetValue(maxFrames),
    result.GetValue(output)!, result.GetValue(checkpoint)!, result.GetValue(model)!, result.GetValue(uiPort), result.GetValue(cameras),
    AbsoluteImagePath(result.GetValue(background)!), result.GetValue(edges).ToString().ToLowerInvariant(), DemoRunCommandLine.Read(result),
    result.GetValue(segmentation).ToString().ToLowerInvariant())));
return ProgramCommandLine.Run(root, args);

// image:PATH is read by the job, whose working directory need not be this one.
static string AbsoluteImagePath(string background) =>
    background.StartsWith("image:", StringComparison.OrdinalIgnoreCase) ? "image:" + Path.GetFullPath(background["image:".Length..]) : background;
