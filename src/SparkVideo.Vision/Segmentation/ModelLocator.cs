namespace SparkVideo.Vision.Segmentation;

/// <summary>Finds the .onnx models shipped in the models/ folder next to the binaries.</summary>
public static class ModelLocator
{
    public const string ModelsFolder = "models";

    public static string FileName(SegmentationModelKind kind) => kind switch
    {
        SegmentationModelKind.General => "selfie_segmentation.onnx",
        SegmentationModelKind.Landscape => "selfie_segmentation_landscape.onnx",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>
    /// The expected path of the shipped model (it may not exist; <see cref="Segmenter.Load"/> reports that).
    /// Looks next to this assembly first: on real Spark the Microsoft.Spark worker loads it from the published
    /// job folder (DOTNET_ASSEMBLY_SEARCH_PATHS) while the process's base directory is the worker's own.
    /// </summary>
    public static string PathOf(SegmentationModelKind kind) => PathOf(FileName(kind));

    /// <summary>The expected path of a shipped model file, by its name.</summary>
    public static string PathOf(string fileName)
    {
        var candidates = new[] { Path.GetDirectoryName(typeof(ModelLocator).Assembly.Location), AppContext.BaseDirectory }
            .Where(dir => !string.IsNullOrEmpty(dir))
            .Select(dir => Path.Combine(dir!, ModelsFolder, fileName))
            .ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }

    /// <summary>The command that regenerates a model from its upstream .tflite, for error messages.</summary>
    public static string RegenerateCommand(string onnxFileName)
    {
        var stem = Path.GetFileNameWithoutExtension(onnxFileName);
        return $"dotnet run --project tools/TfliteToOnnx -- --input models/source/{stem}.tflite --output models/{stem}.onnx";
    }
}
