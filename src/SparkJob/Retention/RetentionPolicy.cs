namespace SparkVideo.Job.Retention;

/// <summary>
/// How much of each output folder (each camera's) the job keeps: frames younger than <see cref="MaxAge"/> and, of
/// those, the newest that fit in <see cref="MaxBytes"/>. Null limits are off; both off is the default (keep all).
/// </summary>
public sealed record RetentionPolicy(TimeSpan? MaxAge, long? MaxBytes)
{
    /// <summary>
    /// The newest frames of a folder are never deleted, whatever the limits: the live view offers a folder's newest
    /// frame and reads it only when a viewer asks (up to a second later at the page's rate), and a camera that stopped
    /// keeps showing its last frame. Twenty is two seconds at 10 FPS.
    /// </summary>
    public const int AlwaysKeptPerFolder = 20;

    public static RetentionPolicy Off { get; } = new(null, null);

    public bool IsOn => MaxAge is not null || MaxBytes is not null;

    public static RetentionPolicy From(double? minutes, double? gib) => new(
        minutes is { } m ? TimeSpan.FromMinutes(m) : null,
        gib is { } g ? (long)Math.Ceiling(g * 1024 * 1024 * 1024) : null);

    /// <summary>"60 min, 2 GiB per folder"; "off".</summary>
    public string Describe()
    {
        if (!IsOn)
        {
            return "off";
        }
        string[] parts =
        [
            .. MaxAge is { } age ? [$"{age.TotalMinutes:0.##} min"] : Array.Empty<string>(),
            .. MaxBytes is { } bytes ? [Processing.VolumeSpace.Bytes(bytes)] : Array.Empty<string>(),
        ];
        return string.Join(", ", parts) + " per folder";
    }
}
