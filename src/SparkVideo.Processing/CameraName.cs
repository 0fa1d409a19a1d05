namespace SparkVideo.Processing;

/// <summary>
/// A camera's name as <c>--camera NAME=HOST:PORT</c> gives it: 1 to 32 of [A-Za-z0-9_-]. It becomes a folder
/// name under the output directory, so the UDF checks it again instead of trusting the column it arrives in.
/// </summary>
public static class CameraName
{
    public const int MaxLength = 32;

    public const string Rule = "1-32 characters of A-Z, a-z, 0-9, '_' and '-'";

    public static bool IsValid(string? name)
    {
        if (name is null || name.Length is 0 or > MaxLength)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
