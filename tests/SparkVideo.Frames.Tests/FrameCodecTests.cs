using SparkVideo.Frames;

namespace SparkVideo.Frames.Tests;

public class FrameCodecTests
{
    [Fact]
    public void Round_trips_a_frame_with_the_contract_field_names()
    {
        var frame = new FrameMessage(1767668128.3084435, 640, 480, "AAEC");
        var json = FrameCodec.ToJson(frame);

        Assert.Equal("{\"timestamp\":1767668128.3084435,\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"AAEC\"}", json);
        Assert.True(FrameCodec.TryParse(json, out var parsed, out var error), error);
        Assert.Equal(frame, parsed);
    }

    [Theory]
    [InlineData("", "malformed JSON")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640,\"frame_height\":480", "malformed JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"x\"}", "missing field 'timestamp'")]
    [InlineData("{\"timestamp\":\"now\",\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"x\"}", "field 'timestamp' must be a number")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640.5,\"frame_height\":480,\"frame_data\":\"x\"}", "field 'frame_width' must be an integer")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640,\"frame_height\":99999999999,\"frame_data\":\"x\"}", "field 'frame_height' must be an integer")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640,\"frame_height\":480,\"frame_data\":7}", "field 'frame_data' must be a string")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"x\",\"extra\":1}", "unexpected field 'extra'")]
    [InlineData("{\"timestamp\":1.5,\"frame_width\":640,\"frame_height\":480,\"frame_data\":\"x\"} {}", "Additional text")]
    public void Rejects_lines_that_break_the_contract_with_a_reason(string line, string expectedReason)
    {
        Assert.False(FrameCodec.TryParse(line, out var frame, out var error));
        Assert.Null(frame);
        Assert.Contains(expectedReason, error);
    }
}
