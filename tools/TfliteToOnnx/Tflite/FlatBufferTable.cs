using System.Buffers.Binary;
using System.Text;

namespace SparkVideo.TfliteToOnnx.Tflite;

/// <summary>
/// A read-only view of one flatbuffer table: fields are addressed by their vtable slot
/// (the declaration order in the schema, where a union takes two slots: type then value).
/// </summary>
public readonly struct FlatBufferTable
{
    private readonly byte[] _buffer;
    private readonly int _position;

    private FlatBufferTable(byte[] buffer, int position)
    {
        _buffer = buffer;
        _position = position;
    }

    /// <summary>The root table of a flatbuffer (uint32 offset at byte 0).</summary>
    public static FlatBufferTable Root(byte[] buffer)
    {
        if (buffer.Length < 8)
        {
            throw new InvalidDataException("flatbuffer is too short to hold a root table");
        }
        return new FlatBufferTable(buffer, checked((int)ReadUInt32(buffer, 0)));
    }

    public bool Has(int slot) => FieldOffset(slot) != 0;

    public byte GetByte(int slot, byte defaultValue = 0)
    {
        var offset = FieldOffset(slot);
        return offset == 0 ? defaultValue : At(_position + offset, 1)[0];
    }

    public bool GetBool(int slot) => GetByte(slot) != 0;

    public int GetInt32(int slot, int defaultValue = 0)
    {
        var offset = FieldOffset(slot);
        return offset == 0 ? defaultValue : BinaryPrimitives.ReadInt32LittleEndian(At(_position + offset, 4));
    }

    public uint GetUInt32(int slot, uint defaultValue = 0)
    {
        var offset = FieldOffset(slot);
        return offset == 0 ? defaultValue : ReadUInt32(_buffer, _position + offset);
    }

    public ulong GetUInt64(int slot)
    {
        var offset = FieldOffset(slot);
        return offset == 0 ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(At(_position + offset, 8));
    }

    public string? GetString(int slot)
    {
        var target = Indirect(slot);
        if (target is null)
        {
            return null;
        }
        var length = checked((int)ReadUInt32(_buffer, target.Value));
        return Encoding.UTF8.GetString(At(target.Value + 4, length));
    }

    public FlatBufferTable? GetTable(int slot)
    {
        var target = Indirect(slot);
        return target is null ? null : new FlatBufferTable(_buffer, target.Value);
    }

    /// <summary>A vector of bytes, returned as a view into the file.</summary>
    public ReadOnlySpan<byte> GetBytes(int slot)
    {
        var target = Indirect(slot);
        if (target is null)
        {
            return [];
        }
        var length = checked((int)ReadUInt32(_buffer, target.Value));
        return At(target.Value + 4, length);
    }

    public ushort[] GetUInt16Vector(int slot) => GetScalarVector(slot, sizeof(ushort), BinaryPrimitives.ReadUInt16LittleEndian);

    public int[] GetInt32Vector(int slot) => GetScalarVector(slot, sizeof(int), BinaryPrimitives.ReadInt32LittleEndian);

    /// <summary>A vector of little-endian scalars of <paramref name="size"/> bytes each; empty when the field is absent.</summary>
    private T[] GetScalarVector<T>(int slot, int size, Func<ReadOnlySpan<byte>, T> read)
    {
        var target = Indirect(slot);
        if (target is null)
        {
            return [];
        }
        var length = checked((int)ReadUInt32(_buffer, target.Value));
        var data = At(target.Value + 4, checked(length * size));
        var result = new T[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = read(data[(i * size)..]);
        }
        return result;
    }

    public FlatBufferTable[] GetTableVector(int slot)
    {
        var target = Indirect(slot);
        if (target is null)
        {
            return [];
        }
        var length = checked((int)ReadUInt32(_buffer, target.Value));
        var result = new FlatBufferTable[length];
        for (var i = 0; i < length; i++)
        {
            var element = target.Value + 4 + i * 4;
            result[i] = new FlatBufferTable(_buffer, checked(element + (int)ReadUInt32(_buffer, element)));
        }
        return result;
    }

    private int FieldOffset(int slot)
    {
        var vtable = _position - BinaryPrimitives.ReadInt32LittleEndian(At(_position, 4));
        var vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(At(vtable, 2));
        var entry = 4 + slot * 2;
        return entry + 2 > vtableSize ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(At(vtable + entry, 2));
    }

    private int? Indirect(int slot)
    {
        var offset = FieldOffset(slot);
        if (offset == 0)
        {
            return null;
        }
        var field = _position + offset;
        return checked(field + (int)ReadUInt32(_buffer, field));
    }

    private ReadOnlySpan<byte> At(int position, int length)
    {
        if (position < 0 || length < 0 || position > _buffer.Length - length)
        {
            throw new InvalidDataException($"flatbuffer reference out of range (byte {position}, length {length})");
        }
        return _buffer.AsSpan(position, length);
    }

    private static uint ReadUInt32(byte[] buffer, int position)
    {
        if (position < 0 || position > buffer.Length - 4)
        {
            throw new InvalidDataException($"flatbuffer reference out of range (byte {position})");
        }
        return BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(position, 4));
    }
}
