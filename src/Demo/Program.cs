using System.CommandLine;
using SparkVideo.Demo;

var source = new Option<string>("--source") { Description = "Video file, webcam index or 'synthetic'. Default: the sample video, looped.", DefaultValueFactory = _ => DemoPipeline.DefaultSource() };
var port = new Option<int>("--port") { Description = "Loopback TCP port between the camera server and the job.", DefaultValueFactory = _ => 9999 };
var fps = new Option<double>("--fps") { Description = "Camera frame rate.", DefaultValueFactory = _ => 10 };
var maxFrames = new Option<int?>("--max-frames") { Description = "Stop after this many frames have been processed, per camera (default: run until Ctrl+C)." };
var output = new Option<string>("--output-dir") { Description = "Where processed frames are written.", DefaultValueFactory = _ => "output_frames" };
var checkpoint = new Option<string>("--checkpoint-dir") { Description = "Streaming checkpoint directory.", DefaultValueFactory = _ => "checkpoint" };
var uiPort = new Option<int>("--ui-port") { Description = "First port tried for the live view page (the next 15 when taken; 0 = off).", DefaultValueFactory = _ => 4050 };
var cameras = new Option<int>("--cameras") { Description = "Camera servers to run (the first on --source, the others synthetic, on --port, --port+1, ...), all read by one job: frames in output_frames/cam<N>/.", DefaultValueFactory = _ => 1 };
var model = new Option<string>("--model") { Description = "general or landscape.", DefaultValueFactory = _ => "general" };
model.AcceptOnlyFromAmong("general", "landscape");
port.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 65535) r.AddError("--port must be between 1 and 65535"); });
fps.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError("--fps must be positive"); });
uiPort.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--ui-port must be between 0 (off) and 65535"); });
cameras.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--cameras must be between 1 and 64"); });
maxFrames.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-frames must be at least 1"); });

var root = new RootCommand("SparkVideo demo: runs the camera server on a video and the streaming job on the embedded engine, side by side, and prints the live view's address (input and output video, charts). Ctrl+C stops both.")
{
    source, port, fps, maxFrames, output, checkpoint, model, uiPort, cameras,
};
root.SetAction(result => DemoPipeline.Run(new DemoOptions(
    result.GetValue(source)!, result.GetValue(port), result.GetValue(fps), result.GetValue(maxFrames),
    result.GetValue(output)!, result.GetValue(checkpoint)!, result.GetValue(model)!, result.GetValue(uiPort), result.GetValue(cameras))));
return root.Parse(args).Invoke();
