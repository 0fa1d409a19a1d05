using System.Globalization;

namespace SparkVideo.Processing;

/// <summary>The free space of the volume a folder is on, for error messages.</summary>
public static class VolumeSpace
{
    /// <summary>"4.0 KiB free of 2.0 MiB", or "free space unknown" where the folder's volume cannot be asked.</summary>
    public static string Describe(string directory)
    {
        try
        {
            var drive = new DriveInfo(ExistingAncestor(directory));
            return $"{Bytes(drive.AvailableFreeSpace)} free of {Bytes(drive.TotalSize)}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "free space unknown";
        }
    }

    /// <summary>Bytes for people: "512 B", "4.0 KiB", "1.5 GiB".</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
            : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    private static string ExistingAncestor(string directory)
    {
        var current = Path.GetFullPath(directory);
        while (!Directory.Exists(current) && Path.GetDirectoryName(current) is { } parent)
        {
            current = parent;
        }
        return current;
    }
}
