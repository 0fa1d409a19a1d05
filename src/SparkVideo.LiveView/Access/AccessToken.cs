using System.Security.Cryptography;
using System.Text;

namespace SparkVideo.LiveView.Access;

/// <summary>
/// The live view's secret: read from --ui-token-file, or generated for a run bound off loopback without one.
/// Compared in constant time (over SHA-256 digests, so the length of a guess tells nothing either).
/// </summary>
public sealed class AccessToken
{
    public const int MinLength = 16;
    public const int MaxLength = 256;

    private readonly byte[] _digest;

    private AccessToken(string value)
    {
        Value = value;
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public string Value { get; }

    /// <summary>32 random bytes as URL-safe base64 (43 characters), usable as typed in ?token=.</summary>
    public static AccessToken Generate() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    /// <summary>The token in a file (surrounding whitespace and one trailing newline ignored); null with a reason when unusable.</summary>
    public static AccessToken? TryRead(string path, out string? problem)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 4 * MaxLength)
            {
                problem = info.Exists ? $"--ui-token-file '{path}' is larger than a token" : $"--ui-token-file '{path}' does not exist";
                return null;
            }
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"--ui-token-file '{path}' cannot be read: {ex.Message}";
            return null;
        }
        problem = Validate(text, path);
        return problem is null ? new AccessToken(text) : null;
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_digest, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    private static string? Validate(string text, string path) =>
        text.Length is < MinLength or > MaxLength
            ? $"--ui-token-file '{path}' must hold a token of {MinLength}-{MaxLength} characters, got {text.Length}"
            : text.Any(c => c is < '!' or > '~')
                ? $"--ui-token-file '{path}' must hold printable ASCII without spaces"
                : null;
}
