namespace SparkVideo.FramesToVideo;

/// <summary>A folder or file this tool cannot turn into a video; its message is the program's one error line.</summary>
public sealed class FramesToVideoException(string message, Exception? inner = null) : Exception(message, inner);
