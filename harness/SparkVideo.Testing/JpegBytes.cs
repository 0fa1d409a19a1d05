namespace SparkVideo.Testing;

/// <summary>Hand-made damage to real JPEG bytes, for feeding hostile input to the programs under test.</summary>
public static class JpegBytes
{
    /// <summary>
    /// A copy of the JPEG whose SOF header declares another size while the scan data is unchanged: a tiny file
    /// that claims a huge image is a decompression bomb.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                copy[i + 5] = (byte)(height >> 8);
                copy[i + 6] = (byte)height;
                copy[i + 7] = (byte)(width >> 8);
                copy[i + 8] = (byte)width;
                return copy;
            }
        }
        throw new InvalidDataException("no SOF marker in the JPEG");
    }
}
