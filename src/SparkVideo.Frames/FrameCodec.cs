using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SparkVideo.Frames;

/// <summary>Encodes frames as JSON lines and parses them back strictly (every field present, typed, nothing extra).</summary>
public static class FrameCodec
{
    /// <summary>The frame as one JSON object, without the trailing newline: <see cref="FrameLine"/>'s line as text.</summary>
    public static string ToJson(FrameMessage frame)
    {
        var line = FrameLine.ToBytes(frame);
        return System.Text.Encoding.ASCII.GetString(line, 0, line.Length - 1);
    }

    /// <summary>Builds a frame message from JPEG bytes.</summary>
    public static FrameMessage FromJpeg(double timestamp, int width, int height, ReadOnlySpan<byte> jpeg) =>
        new(timestamp, width, height, Convert.ToBase64String(jpeg));

    /// <summary>
    /// Parses one line strictly. Returns false with a one-line reason for anything that is not exactly
    /// the contract: malformed JSON, a missing, extra or mistyped field.
    /// </summary>
    public static bool TryParse(string line, [NotNullWhen(true)] out FrameMessage? frame, [NotNullWhen(false)] out string? error)
    {
        frame = null;
        JObject obj;
        try
        {
            using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            var token = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                // Reading past the object throws on anything but whitespace or comments.
            }
            if (token is not JObject o)
            {
                error = "not a JSON object";
                return false;
            }
            obj = o;
        }
        catch (JsonException ex)
        {
            error = "malformed JSON: " + ex.Message.Split('\n')[0];
            return false;
        }

        foreach (var property in obj.Properties())
        {
            if (!FrameContract.FieldNames.Contains(property.Name))
            {
                error = $"unexpected field '{property.Name}'";
                return false;
            }
        }

        if (!TryGetNumber(obj, FrameContract.Timestamp, out var timestamp, out error) ||
            !TryGetInt(obj, FrameContract.FrameWidth, out var width, out error) ||
            !TryGetInt(obj, FrameContract.FrameHeight, out var height, out error))
        {
            return false;
        }

        if (obj[FrameContract.FrameData] is not JValue { Type: JTokenType.String } data)
        {
            error = Missing(obj, FrameContract.FrameData, "a string");
            return false;
        }

        frame = new FrameMessage(timestamp, width, height, (string)data!);
        error = null;
        return true;
    }

    private static bool TryGetNumber(JObject obj, string name, out double value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (obj[name] is JValue { Type: JTokenType.Float or JTokenType.Integer } v)
        {
            value = v.Value<double>();
            error = null;
            return true;
        }
        error = Missing(obj, name, "a number");
        return false;
    }

    private static bool TryGetInt(JObject obj, string name, out int value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (obj[name] is JValue { Type: JTokenType.Integer, Value: long number } && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            error = null;
            return true;
        }
        error = Missing(obj, name, "an integer");
        return false;
    }

    private static string Missing(JObject obj, string name, string expected) =>
        obj.ContainsKey(name) ? $"field '{name}' must be {expected}" : $"missing field '{name}'";
}
