using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SparkVideo.Engine.Sources;

/// <summary>
/// Decodes UTF-8, turning each byte of an invalid sequence into the unpaired surrogate U+DC00 + byte
/// (U+DC80..U+DCFF, the "surrogate escape" convention) instead of U+FFFD, so whoever reports a bad line can still
/// show which bytes it held. No valid UTF-8 decodes to an unpaired surrogate, so nothing valid is mistaken for an
/// escaped byte. (Encoding's decoder fallbacks cannot do this: they refuse to emit unpaired surrogates.)
/// </summary>
internal static class ByteEscapingUtf8
{
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        var text = new StringBuilder(bytes.Length);
        Span<char> utf16 = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == OperationStatus.Done)
            {
                text.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
            else
            {
                foreach (var invalid in bytes[..consumed])
                {
                    text.Append((char)(0xDC00 + invalid));
                }
            }
            bytes = bytes[consumed..];
        }
        return text.ToString();
    }
}
