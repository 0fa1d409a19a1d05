using Newtonsoft.Json;

namespace SparkVideo.Frames;

/// <summary>
/// One video frame on the wire: a JSON object on its own line.
/// <c>{"timestamp": 1767668128.3084435, "frame_width": 640, "frame_height": 480, "frame_data": "&lt;base64 jpeg&gt;"}</c>
/// </summary>
public sealed record FrameMessage(
    [property: JsonProperty(FrameContract.Timestamp, Required = Required.Always)] double Timestamp,
    [property: JsonProperty(FrameContract.FrameWidth, Required = Required.Always)] int FrameWidth,
    [property: JsonProperty(FrameContract.FrameHeight, Required = Required.Always)] int FrameHeight,
    [property: JsonProperty(FrameContract.FrameData, Required = Required.Always)] string FrameData);
