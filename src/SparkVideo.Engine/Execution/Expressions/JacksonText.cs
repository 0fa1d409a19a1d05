using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using SparkVideo.Engine.Formats;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>
/// The text Spark 3.5 gives a JSON value that is not a string when it is read into a STRING field: Jackson's
/// generator copying the value, compact, numbers re-written (a float as Java's Double.toString, so 1.50 is "1.5" and
/// 1e-5 is "1.0E-5"), strings escaped as Jackson escapes them (quote, backslash and control characters only).
/// </summary>
internal static class JacksonText
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Copies the value at the reader (a scalar, or a whole object or array), leaving the reader on its end.</summary>
    public static string Copy(JsonTextReader reader)
    {
        var text = new StringBuilder();
        int depth = reader.Depth;
        bool first = true;
        do
        {
            JsonToken token = reader.TokenType;
            bool closing = token is JsonToken.EndObject or JsonToken.EndArray;
            if (!first && !closing && !AfterOpenOrKey(text))
            {
                text.Append(',');
            }
            first = false;
            AppendToken(text, reader);
            if (reader.Depth == depth && token is not (JsonToken.StartObject or JsonToken.StartArray or JsonToken.PropertyName))
            {
                break;
            }
        }
        while (reader.Read());
        return text.ToString();
    }

    private static bool AfterOpenOrKey(StringBuilder text) => text.Length > 0 && text[^1] is '{' or '[' or ':';

    private static void AppendToken(StringBuilder text, JsonTextReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                text.Append('{');
                break;
            case JsonToken.EndObject:
                text.Append('}');
                break;
            case JsonToken.StartArray:
                text.Append('[');
                break;
            case JsonToken.EndArray:
                text.Append(']');
                break;
            case JsonToken.PropertyName:
                AppendString(text, (string)reader.Value!);
                text.Append(':');
                break;
            case JsonToken.String:
                AppendString(text, (string)reader.Value!);
                break;
            case JsonToken.Float:
                text.Append(JavaDoubleFormatter.Format(Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture)));
                break;
            case JsonToken.Boolean:
                text.Append((bool)reader.Value! ? "true" : "false");
                break;
            case JsonToken.Null or JsonToken.Undefined:
                text.Append("null");
                break;
            default:
                text.Append(Convert.ToString(reader.Value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case < ' ':
                    text.Append("\\u00").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
