using MessagePack;
using OpenCvSharp;
using SparkVideo.ChildProcesses;
using SparkVideo.Frames;
using SparkVideo.Processing;
using SparkVideo.Vision.Compositing;
using SparkWorker.Tests.Support;
using WorkerStandIn.Serialization;

namespace SparkWorker.Tests;

/// <summary>
/// The job's UDFs against Microsoft.Spark's UDF serialization: every field of each closure is written with
/// MessagePack Typeless and read back under the worker's rule (standard types or [Serializable] only), the delegates
/// are rebuilt as the worker rebuilds them, and they run on a real frame.
/// </summary>
public sealed class SerializerRuleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sparkvideo-serde-").FullName;

    [Fact]
    public void Each_udf_closure_holds_the_settings_and_nothing_else()
    {
        foreach (var (name, udf) in JobUdfs.All(JobUdfs.Settings(_directory)))
        {
            var fields = Assert.IsType<TargetDescription>(UdfDescriber.Describe(udf).Target).Fields;

            var field = Assert.Single(fields!);
            Assert.True(field.Value is ProcessingSettings, $"{name}: the closure holds a {field.Value?.GetType().FullName}");
        }
    }

    [Fact]
    public void The_udfs_pass_the_workers_read_rule_and_remove_the_background_of_a_real_frame()
    {
        var output = Path.Combine(_directory, "output_frames");
        var settings = JobUdfs.Settings(output);

        var rebuilt = JobUdfs.All(settings).ToDictionary(u => u.Name, u => RoundTrip(u.Udf));

        var keep = Assert.IsType<Func<string?, string?, string?, bool>>(rebuilt["KeepIfFrame"]);
        Assert.True(keep(RealFrame.Base64, null, "{...}"));
        var remove = Assert.IsType<Func<string?, double?, int?, int?, string?>>(rebuilt["RemoveBackground"]);
        var path = remove(RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);
        Assert.NotNull(path);
        var written = File.ReadAllBytes(Path.Combine(output, Path.GetFileName(path)));
        Assert.True(JpegHeader.TryReadSize(written, out var width, out var height, out var error), error);
        Assert.Equal((RealFrame.Width, RealFrame.Height), (width, height));

        // The camera's name is a column argument: the frame lands in its folder; a name that is not one is refused.
        var forCamera = Assert.IsType<Func<string?, string?, double?, int?, int?, string?>>(rebuilt["RemoveBackgroundForCamera"]);
        var cameraPath = forCamera("north", RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);
        Assert.Equal(Path.Combine(output, "north", Path.GetFileName(cameraPath)!), cameraPath);
        Assert.True(File.Exists(cameraPath));
        Assert.Null(forCamera("../north", RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height));
        Assert.Contains("camera name is not 1-32 characters", File.ReadAllText(settings.RejectsLogPath));
        Assert.False(File.Exists(Path.Combine(_directory, "north")), "nothing is written outside the output directory");
    }

    /// <summary>Every background mode and edge refinement: the settings (the image mode's picture bytes included) pass the rule.</summary>
    [Theory]
    [InlineData("gray", EdgeRefinement.None, ".jpg")]
    [InlineData("color:0,128,255", EdgeRefinement.Feather, ".jpg")]
    [InlineData("blur:20", EdgeRefinement.Guided, ".jpg")]
    [InlineData("image", EdgeRefinement.None, ".jpg")]
    [InlineData("transparent", EdgeRefinement.Guided, ".png")]
    public void Each_background_mode_passes_the_workers_read_rule_and_writes_its_frame(string background, EdgeRefinement edges, string extension)
    {
        var output = Path.Combine(_directory, "output_frames");
        var value = background == "image" ? $"image:{RepoPaths.InRepo("samples/photos/soccer_player.jpg")}" : background;
        var settings = JobUdfs.Settings(output, value, edges);

        var remove = Assert.IsType<Func<string?, double?, int?, int?, string?>>(RoundTrip(FrameUdfs.RemoveBackground(settings)));
        var path = remove(RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height);

        Assert.NotNull(path);
        Assert.EndsWith(extension, path, StringComparison.Ordinal);
        using var written = Cv2.ImRead(Path.Combine(output, Path.GetFileName(path)), ImreadModes.Unchanged);
        Assert.Equal((RealFrame.Width, RealFrame.Height, extension == ".png" ? 4 : 3), (written.Width, written.Height, written.Channels()));
    }

    [Fact]
    public void The_smoothing_and_mask_reuse_settings_pass_the_workers_read_rule_unchanged()
    {
        var output = Path.Combine(_directory, "output_frames");
        var settings = JobUdfs.SettingsWithCameraState(output);

        var rebuilt = RoundTrip(FrameUdfs.RemoveBackgroundForCamera(settings));

        var travelled = Assert.Single(Assert.IsType<TargetDescription>(UdfDescriber.Describe(rebuilt).Target).Fields!).Value;
        Assert.Equal(settings, travelled);
        var remove = Assert.IsType<Func<string?, string?, double?, int?, int?, string?>>(rebuilt);
        Assert.NotNull(remove("north", RealFrame.Base64, RealFrame.Timestamp, RealFrame.Width, RealFrame.Height));
        Assert.NotNull(remove("north", RealFrame.Base64, RealFrame.Timestamp + 0.1, RealFrame.Width, RealFrame.Height));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(output, "north")).Length);
    }

    [Fact]
    public void The_read_rule_refuses_a_captured_type_that_is_not_serializable()
    {
        var udf = AddQuality(new PlainOptions { Quality = 90 });

        var error = Assert.Throws<MessagePackSerializationException>(() => RoundTrip(udf));

        var messages = Describe(error);
        Assert.True(messages.Contains($"Deserialization attempted to create the type {typeof(PlainOptions).FullName} which is not allowed", StringComparison.Ordinal), messages);
    }

    /// <summary>A lambda in a scope of its own: its closure holds the options and nothing else.</summary>
    private static Func<int, int> AddQuality(PlainOptions options) => x => x + options.Quality;

    /// <summary>Driver: describe and write. Worker: read under the rule and rebuild (types come from this process).</summary>
    private static Delegate RoundTrip(Delegate udf)
    {
        var payload = UdfPayload.Write(UdfDescriber.Describe(udf));
        var read = UdfPayload.Read(payload);
        return UdfRebuilder.Rebuild(read, type => Type.GetType($"{type.Name}, {type.AssemblyName}", throwOnError: true)!);
    }

    private static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public sealed class PlainOptions
    {
        public int Quality { get; set; }
    }
}
