using System.Buffers;
using Newtonsoft.Json;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>
/// Newtonsoft's reader grows a char buffer to the longest token it reads: for a frame line that is the whole
/// base64 payload (tens of KB, a large-object-heap array per line without a pool). Renting it instead keeps
/// from_json from allocating that buffer for every line.
/// </summary>
internal sealed class SharedJsonCharPool : IArrayPool<char>
{
    public static SharedJsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
