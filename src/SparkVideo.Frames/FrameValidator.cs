using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace SparkVideo.Frames;

/// <summary>
/// Checks every field of a parsed frame against the contract and the configured limits, and yields the
/// JPEG bytes. Never trusts the wire: the declared size must match the JPEG's own header.
/// </summary>
public sealed class FrameValidator(FrameLimits limits)
{
    public FrameLimits Limits { get; } = limits;

    public static FrameValidator Default { get; } = new(FrameLimits.Default);

    /// <summary>Validates the scalar fields; returns null when they are acceptable, else the reason.</summary>
    public string? ValidateFields(double timestamp, int width, int height, DateTimeOffset now)
    {
        if (!double.IsFinite(timestamp))
        {
            return "timestamp is not a finite number";
        }
        if (timestamp <= 0)
        {
            return "timestamp must be positive Unix seconds";
        }
        if (timestamp < Limits.MinTimestamp.ToUnixTimeSeconds())
        {
            return $"timestamp is before {Limits.MinTimestamp.UtcDateTime:yyyy-MM-dd}";
        }
        if (timestamp > now.ToUnixTimeMilliseconds() / 1000.0 + Limits.MaxClockSkew.TotalSeconds)
        {
            return "timestamp is in the far future";
        }
        if (width < 1 || width > Limits.MaxWidth || height < 1 || height > Limits.MaxHeight)
        {
            return $"frame size {width}x{height} is outside 1x1..{Limits.MaxWidth}x{Limits.MaxHeight}";
        }
        return null;
    }

    /// <summary>
    /// Validates a whole frame and decodes its base64 payload. On success <paramref name="jpeg"/> holds
    /// the JPEG bytes, whose header declares exactly the frame's width and height.
    /// </summary>
    public bool TryValidate(FrameMessage frame, DateTimeOffset now, out byte[] jpeg, [NotNullWhen(false)] out string? error) =>
        TryValidate(frame.Timestamp, frame.FrameWidth, frame.FrameHeight, frame.FrameData, now, out jpeg, out error);

    public bool TryValidate(double timestamp, int width, int height, string? frameData, DateTimeOffset now, out byte[] jpeg, [NotNullWhen(false)] out string? error)
    {
        if (!TryValidatePooled(timestamp, width, height, frameData, now, out var validated, out error))
        {
            jpeg = [];
            return false;
        }
        using (validated)
        {
            jpeg = validated.Span.ToArray();
        }
        return true;
    }

    /// <summary>
    /// As <see cref="TryValidate(double, int, int, string?, DateTimeOffset, out byte[], out string?)"/>, with the
    /// JPEG decoded straight into a pooled buffer the caller disposes (no array per frame), together with the size
    /// its header declares, so that decoding it needs no second read of the header.
    /// </summary>
    public bool TryValidatePooled(double timestamp, int width, int height, string? frameData, DateTimeOffset now,
        [NotNullWhen(true)] out ValidatedJpeg? jpeg, [NotNullWhen(false)] out string? error)
    {
        jpeg = null;
        error = ValidateFields(timestamp, width, height, now);
        if (error is not null)
        {
            return false;
        }
        if (string.IsNullOrEmpty(frameData))
        {
            error = "frame_data is empty";
            return false;
        }
        var decoded = new ValidatedJpeg(Base64.GetMaxDecodedFromUtf8Length(frameData.Length));
        try
        {
            if (!Convert.TryFromBase64String(frameData, decoded.Buffer, out var written))
            {
                error = "frame_data is not valid base64";
                return false;
            }
            decoded.SetLength(written);
            if (!JpegHeader.TryReadSize(decoded.Span, out var jpegWidth, out var jpegHeight, out error))
            {
                return false;
            }
            if (jpegWidth != width || jpegHeight != height)
            {
                error = $"JPEG is {jpegWidth}x{jpegHeight} but the frame declares {width}x{height}";
                return false;
            }
            decoded.SetHeaderSize(jpegWidth, jpegHeight);
            jpeg = decoded;
            decoded = null;
            return true;
        }
        finally
        {
            decoded?.Dispose();
        }
    }
}
