using System.Text.RegularExpressions;

namespace SparkVideo.CommandLine;

/// <summary>
/// Hides the credentials of every URL in a text: the user information (<c>rtsp://user:pass@host</c> becomes
/// <c>rtsp://***@host</c>) and the values of query parameters that usually carry a secret (<c>?password=...</c>,
/// <c>token</c>, <c>key</c>, ...). Every line a program prints about a camera URL goes through here.
/// </summary>
public static partial class UrlCredentials
{
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with the credentials of every URL in it masked.</summary>
    public static string Redact(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }
        var withoutUserInfo = UserInfo().Replace(text, match => match.Groups["scheme"].Value + "://" + Mask + "@");
        return SecretQueryValue().Replace(withoutUserInfo, match => match.Groups["name"].Value + "=" + Mask);
    }

    /// <summary>True when <paramref name="text"/> holds a URL credential that <see cref="Redact"/> would mask.</summary>
    public static bool Contains(string text) => Redact(text) != text;

    // scheme://anything-but-separators@ : the user information ends at the last '@' before the path.
    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?!\*\*\*@)[^/?#\s'""]*@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<=[?&])(?<name>[A-Za-z_]*(?:user|pass|pwd|token|key|auth|secret|sig)[A-Za-z_]*)=(?!\*\*\*(?:[&#\s'""]|$))[^&#\s'""]*",
        RegexOptions.IgnoreCase)]
    private static partial Regex SecretQueryValue();
}
