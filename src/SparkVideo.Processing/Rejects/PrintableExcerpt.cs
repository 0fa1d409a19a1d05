using System.Globalization;
using System.Text;

namespace SparkVideo.Processing.Rejects;

/// <summary>
/// A short, single-line, printable excerpt of hostile input, safe to print on a terminal and unambiguous to
/// read back: a backslash is doubled, a control byte becomes <c>\xNN</c>, and any other character that does not
/// print by itself (format, separator, unpaired surrogate, U+FFFD) becomes <c>\uNNNN</c>. A byte that was not
/// valid UTF-8, where the source kept it as U+DC80..U+DCFF (the "surrogate escape" convention; the embedded
/// engine's socket source does), is shown as the byte it was: <c>\xNN</c>.
/// </summary>
public static class PrintableExcerpt
{
    public const int MaxChars = 100;

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var excerpt = new StringBuilder(MaxChars + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (excerpt.Length >= MaxChars)
            {
                return excerpt.Append("...").ToString();
            }
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                excerpt.Append(c).Append(text[++i]);
            }
            else if (c is >= '\uDC80' and <= '\uDCFF')
            {
                excerpt.Append(CultureInfo.InvariantCulture, $"\\x{c - 0xDC00:x2}");
            }
            else if (c == '\\')
            {
                excerpt.Append(@"\\");
            }
            else if (c < 0x20 || c is >= '\x7f' and <= '\x9f')
            {
                excerpt.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else if (IsShownAsIs(c))
            {
                excerpt.Append(c);
            }
            else
            {
                excerpt.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }
        return excerpt.ToString();
    }

    private static bool IsShownAsIs(char c) => c != '\uFFFD' && CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Control => false,
        _ => true,
    };
}
