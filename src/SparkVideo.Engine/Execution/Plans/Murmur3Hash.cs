namespace SparkVideo.Engine.Execution.Plans;

/// <summary>
/// Spark's row hash for hash partitioning (its <c>Murmur3Hash</c> expression, seed 42): each value is hashed with the
/// previous value's hash as its seed, a null leaves the seed as it is. Strings hash their UTF-8 bytes as Spark's
/// <c>Murmur3_x86_32.hashUnsafeBytes</c> does: whole 4-byte words, then each remaining byte on its own, sign-extended.
/// </summary>
internal static class Murmur3Hash
{
    public const int Seed = 42;

    private const uint C1 = 0xcc9e2d51, C2 = 0x1b873593;

    public static int Of(object? value, int seed) => value switch
    {
        null => seed,
        string s => HashBytes(System.Text.Encoding.UTF8.GetBytes(s), seed),
        int i => HashInt(i, seed),
        bool b => HashInt(b ? 1 : 0, seed),
        long l => HashLong(l, seed),
        double d => HashLong(BitConverter.DoubleToInt64Bits(d == 0 ? 0d : double.IsNaN(d) ? double.NaN : d), seed),
        _ => throw new NotSupportedException($"Cannot hash-partition by a value of type {value.GetType().Name}."),
    };

    /// <summary>The partition of a value, as Spark's <c>pmod(hash, n)</c>.</summary>
    public static int Partition(int hash, int numPartitions) => ((hash % numPartitions) + numPartitions) % numPartitions;

    private static int HashInt(int value, int seed) => (int)Finish(MixH1((uint)seed, MixK1((uint)value)), 4);

    private static int HashLong(long value, int seed)
    {
        uint h1 = MixH1((uint)seed, MixK1((uint)value));
        h1 = MixH1(h1, MixK1((uint)(value >>> 32)));
        return (int)Finish(h1, 8);
    }

    private static int HashBytes(byte[] bytes, int seed)
    {
        int whole = bytes.Length - bytes.Length % 4;
        uint h1 = (uint)seed;
        for (int i = 0; i < whole; i += 4)
        {
            h1 = MixH1(h1, MixK1(BitConverter.ToUInt32(bytes, i)));
        }
        for (int i = whole; i < bytes.Length; i++)
        {
            h1 = MixH1(h1, MixK1((uint)(sbyte)bytes[i]));
        }
        return (int)Finish(h1, bytes.Length);
    }

    private static uint MixK1(uint k1) => uint.RotateLeft(k1 * C1, 15) * C2;

    private static uint MixH1(uint h1, uint k1) => (uint.RotateLeft(h1 ^ k1, 13) * 5) + 0xe6546b64;

    private static uint Finish(uint h1, int length)
    {
        h1 ^= (uint)length;
        h1 ^= h1 >> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >> 16;
        return h1;
    }
}
