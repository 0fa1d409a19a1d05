namespace SparkVideo.TfliteToOnnx.Conversion;

/// <summary>The model uses an operator (or an operator configuration) this converter does not handle.</summary>
public sealed class UnsupportedOperatorException(string message) : Exception(message);
