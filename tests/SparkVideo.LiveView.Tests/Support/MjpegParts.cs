using System.Text;

namespace SparkVideo.LiveView.Tests.Support;

/// <summary>Reads JPEGs off a live view MJPEG stream (<c>--boundary / headers / Content-Length bytes</c>).</summary>
public static class MjpegParts
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>The first JPEG the stream at <paramref name="url"/> sends.</summary>
    public static async Task<byte[]> ReadFirstAsync(string url)
    {
        using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        int? length = null;
        string line;
        while ((line = ReadLine(body)) != "" || length is null)
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        var jpeg = new byte[length.Value];
        await body.ReadExactlyAsync(jpeg);
        return jpeg;
    }

    private static string ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) is not -1 and not '\n')
        {
            line.Append((char)b);
        }
        return b == -1 ? throw new EndOfStreamException("the MJPEG stream ended before a frame") : line.ToString().TrimEnd('\r');
    }
}
