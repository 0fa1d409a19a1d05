using Microsoft.AspNetCore.Http;

namespace SparkVideo.LiveView.Web;

/// <summary>The page, its script and its style sheet, read once from the assembly's resources.</summary>
internal static class EmbeddedAssets
{
    public static readonly byte[] Page = Read("index.html");
    public static readonly byte[] Script = Read("live-view.js");
    public static readonly byte[] Style = Read("live-view.css");
    public static readonly byte[] Icon = Read("favicon.svg");

    public static IResult Serve(byte[] content, string contentType) => Results.Bytes(content, contentType);

    private static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream("LiveView." + name)
            ?? throw new InvalidOperationException($"the live view asset {name} is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
