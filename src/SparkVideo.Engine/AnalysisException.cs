namespace SparkVideo.Engine;

/// <summary>
/// A query that cannot be analysed (unknown column, wrong type), raised when the DataFrame is built, as Spark's
/// AnalysisException is. The real package surfaces these as JvmException; the job never catches them by type.
/// </summary>
public sealed class AnalysisException(string message) : Exception(message)
{
}
