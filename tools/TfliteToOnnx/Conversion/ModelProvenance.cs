namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>Where the converted model came from; recorded in the ONNX metadata_props.</summary>
public sealed record ModelProvenance(string SourceFile, string SourceSha256, string License);
