using System.CommandLine;
using OpenCvSharp;
using SparkVideo.CommandLine;
using SparkVideo.Vision;
using SparkVideo.Vision.Compositing;
using SparkVideo.Vision.Imaging;
using SparkVideo.Vision.Segmentation;

namespace SparkVideo.RemoveBackground;

/// <summary>CLI: one photo in, the same photo with its background replaced out.</summary>
public static class RemoveBackgroundCommand
{
    public static RootCommand Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "Photo to process (JPEG, PNG, ...). Processed at its own size.",
            Required = true,
        };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "Where to write the result: JPEG, or PNG for a .png name (--background transparent needs one).",
            Required = true,
        };
        var model = CommandOptions.WithDefault(
            "--model",
            "Segmentation model: general (256x256) or landscape (144x256).",
            SegmentationModelKind.General);
        var threshold = CommandOptions.WithDefault("--threshold", MaskCut.Help, MaskCut.DefaultText).Check(MaskCut.Problem);
        var quality = CommandOptions.WithDefault("--jpeg-quality", "JPEG quality 1..100.", 90).Between(1, 100);
        var sideBySide = new Option<bool>("--side-by-side") { Description = "Write input | output next to each other." };
        var background = CommandOptions.WithDefault("--background", BackgroundSpecParser.Help, "gray").Check(BackgroundSpecParser.Problem);
        var edges = CommandOptions.LowerCaseChoice<EdgeRefinement>("--edges", BackgroundSpecParser.EdgesHelp);
        var segmentation = CommandOptions.LowerCaseChoice<SegmentationMode>("--segmentation", SegmentationHelp.Text);

        var command = new RootCommand(
            "Replace the background of a photo (gray 192,192,192 by default; a colour, a blur, a picture or transparency with " +
                "--background) using the MediaPipe selfie segmentation model.")
        {
            input, output, model, threshold, quality, sideBySide, background, edges, segmentation,
        };
        command.Validators.Add(result =>
        {
            if (BackgroundSpecParser.TryParse(result.GetValue(background), out var spec, out _) && spec.Mode == BackgroundMode.Transparent
                && result.GetValue(output) is { } file && !IsPng(file))
            {
                result.AddError("--background transparent writes a PNG: give an --output ending in .png");
            }
        });
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(model),
            new BackgroundRemovalOptions
            {
                Threshold = MaskCut.TryParse(parseResult.GetValue(threshold), out var cut, out var cutError)
                    ? cut
                    : throw new UsageException(cutError!),
                JpegQuality = parseResult.GetValue(quality),
                Background = BackgroundSpecParser.TryParse(parseResult.GetValue(background), out var spec, out var error)
                    ? spec
                    : throw new UsageException(error!),
                Edges = parseResult.GetValue(edges),
                Segmentation = parseResult.GetValue(segmentation),
            },
            parseResult.GetValue(sideBySide)));
        return command;
    }

    private static int Run(FileInfo input, FileInfo output, SegmentationModelKind kind, BackgroundRemovalOptions options, bool sideBySide)
    {
        if (NativeRuntimes.Check() is { } missing)
        {
            return ProgramCommandLine.RuntimeError(missing);
        }
        try
        {
            using var photo = Cv2.ImRead(input.FullName, ImreadModes.Color);
            if (photo.Empty())
            {
                return ProgramCommandLine.RuntimeError($"cannot read an image from {input.FullName}");
            }
            using var segmenter = Segmenter.Load(new SegmenterOptions { Model = kind });
            using var remover = new BackgroundRemover(segmenter, options);
            using var result = new Mat();
            remover.RemoveFromFrame(photo, result);

            using var written = new Mat();
            if (sideBySide)
            {
                using var left = result.Channels() == 4 ? photo.CvtColor(ColorConversionCodes.BGR2BGRA) : photo.Clone();
                Cv2.HConcat([left, result], written);
            }
            else
            {
                result.CopyTo(written);
            }
            output.Directory?.Create();
            File.WriteAllBytes(output.FullName, IsPng(output) ? EncodePng(written) : JpegFrameCodec.Encode(written, options.JpegQuality));
            Console.WriteLine($"{input.Name} ({photo.Width}x{photo.Height}) -> {output.FullName} ({written.Width}x{written.Height})");
            return ExitCodes.Success;
        }
        catch (ModelLoadException e)
        {
            return ProgramCommandLine.RuntimeError(e.Message);
        }
    }

    private static bool IsPng(FileInfo file) => file.Extension.Equals(".png", StringComparison.OrdinalIgnoreCase);

    private static byte[] EncodePng(Mat image)
    {
        Cv2.ImEncode(".png", image, out var bytes);
        return bytes;
    }
}
