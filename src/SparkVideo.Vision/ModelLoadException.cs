namespace SparkVideo.Vision;

/// <summary>The segmentation model is missing or cannot be loaded; the message names the path and how to regenerate it.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
