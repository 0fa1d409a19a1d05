using System.Buffers.Binary;

namespace SparkVideo.TfliteToOnnx.Tflite;

/// <summary>
/// Reads a .tflite flatbuffer into a <see cref="TfliteModel"/>. Slots follow the declaration order of
/// the public TFLite schema.fbs (a union occupies two slots: its type byte, then its value).
/// </summary>
public static class TfliteModelReader
{
    private static class ModelSlot { public const int OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4; }
    private static class OperatorCodeSlot { public const int DeprecatedBuiltinCode = 0, CustomCode = 1, BuiltinCode = 3; }
    private static class SubGraphSlot { public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3; }
    private static class TensorSlot { public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Sparsity = 6; }
    private static class BufferSlot { public const int Data = 0, Offset = 1, Size = 2; }
    private static class OperatorSlot { public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptions = 4, CustomOptions = 5; }

    public static TfliteModel Read(byte[] file)
    {
        if (file.Length < 8 || file[4] != (byte)'T' || file[5] != (byte)'F' || file[6] != (byte)'L' || file[7] != (byte)'3')
        {
            throw new InvalidDataException("not a TFLite model (file identifier TFL3 missing)");
        }
        var model = FlatBufferTable.Root(file);
        var subgraphs = model.GetTableVector(ModelSlot.Subgraphs);
        if (subgraphs.Length != 1)
        {
            throw new NotSupportedException($"expected exactly one subgraph, found {subgraphs.Length}");
        }
        var subgraph = subgraphs[0];
        var buffers = model.GetTableVector(ModelSlot.Buffers);
        var opcodes = model.GetTableVector(ModelSlot.OperatorCodes)
            .Select(ReadOperatorCode)
            .ToArray();

        var tensors = subgraph.GetTableVector(SubGraphSlot.Tensors)
            .Select((t, i) => ReadTensor(t, i, buffers, file))
            .ToArray();
        var operators = subgraph.GetTableVector(SubGraphSlot.Operators)
            .Select((o, i) => ReadOperator(o, i, opcodes))
            .ToArray();

        return new TfliteModel(
            model.GetString(ModelSlot.Description) ?? "",
            tensors,
            SparseTensors.FoldDensify(operators, tensors),
            subgraph.GetInt32Vector(SubGraphSlot.Inputs),
            subgraph.GetInt32Vector(SubGraphSlot.Outputs));
    }

    private static (BuiltinOperator Code, string? Custom) ReadOperatorCode(FlatBufferTable table)
    {
        // Old files set only the int8 deprecated code; new ones set both (codes > 127 only in the int32 one).
        var code = Math.Max(table.GetByte(OperatorCodeSlot.DeprecatedBuiltinCode), table.GetInt32(OperatorCodeSlot.BuiltinCode));
        return ((BuiltinOperator)code, table.GetString(OperatorCodeSlot.CustomCode));
    }

    private static TfliteTensor ReadTensor(FlatBufferTable table, int index, FlatBufferTable[] buffers, byte[] file)
    {
        var bufferIndex = (int)table.GetUInt32(TensorSlot.Buffer);
        byte[]? data = null;
        if (bufferIndex > 0 && bufferIndex < buffers.Length)
        {
            data = ReadBuffer(buffers[bufferIndex], file);
        }
        var shape = table.GetInt32Vector(TensorSlot.Shape);
        var type = (TensorType)table.GetByte(TensorSlot.Type);
        if (data is { Length: > 0 } && table.GetTable(TensorSlot.Sparsity) is { } sparsity)
        {
            data = SparseTensors.Densify(data, shape, type, sparsity, index);
        }
        return new TfliteTensor(
            index,
            table.GetString(TensorSlot.Name) ?? $"tensor_{index}",
            type,
            shape,
            data is { Length: > 0 } ? data : null);
    }

    private static byte[] ReadBuffer(FlatBufferTable buffer, byte[] file)
    {
        var inline = buffer.GetBytes(BufferSlot.Data);
        if (inline.Length > 0)
        {
            return inline.ToArray();
        }
        // Models over 2 GB keep buffers after the flatbuffer, addressed by absolute offset and size.
        var offset = buffer.GetUInt64(BufferSlot.Offset);
        var size = buffer.GetUInt64(BufferSlot.Size);
        if (offset <= 1 || size == 0)
        {
            return [];
        }
        if (offset + size > (ulong)file.Length)
        {
            throw new InvalidDataException($"buffer at offset {offset} with size {size} is past the end of the file");
        }
        return file.AsSpan((int)offset, (int)size).ToArray();
    }

    private static TfliteOperator ReadOperator(FlatBufferTable table, int index, (BuiltinOperator Code, string? Custom)[] opcodes)
    {
        var opcodeIndex = (int)table.GetUInt32(OperatorSlot.OpcodeIndex);
        if (opcodeIndex >= opcodes.Length)
        {
            throw new InvalidDataException($"operator {index} refers to missing operator code {opcodeIndex}");
        }
        var (code, custom) = opcodes[opcodeIndex];
        var options = code == BuiltinOperator.Custom
            ? ReadCustomOptions(custom, table.GetBytes(OperatorSlot.CustomOptions))
            : ReadBuiltinOptions(code, table.GetTable(OperatorSlot.BuiltinOptions));
        return new TfliteOperator(
            index, code, table.GetInt32Vector(OperatorSlot.Inputs), table.GetInt32Vector(OperatorSlot.Outputs), options, custom);
    }

    private static OperatorOptions? ReadBuiltinOptions(BuiltinOperator code, FlatBufferTable? options)
    {
        if (options is not { } o)
        {
            return null;
        }
        return code switch
        {
            BuiltinOperator.Conv2D => new Conv2DOptions(
                (Padding)o.GetByte(0), o.GetInt32(1), o.GetInt32(2), (FusedActivation)o.GetByte(3), o.GetInt32(4, 1), o.GetInt32(5, 1)),
            BuiltinOperator.DepthwiseConv2D => new DepthwiseConv2DOptions(
                (Padding)o.GetByte(0), o.GetInt32(1), o.GetInt32(2), o.GetInt32(3), (FusedActivation)o.GetByte(4),
                o.GetInt32(5, 1), o.GetInt32(6, 1)),
            BuiltinOperator.AveragePool2D => new Pool2DOptions(
                (Padding)o.GetByte(0), o.GetInt32(1), o.GetInt32(2), o.GetInt32(3), o.GetInt32(4), (FusedActivation)o.GetByte(5)),
            BuiltinOperator.Add or BuiltinOperator.Mul => new ElementwiseOptions((FusedActivation)o.GetByte(0)),
            BuiltinOperator.ResizeBilinear => new ResizeBilinearOptions(o.GetBool(2), o.GetBool(3)),
            BuiltinOperator.Mean => new ReducerOptions(o.GetBool(0)),
            BuiltinOperator.Concatenation => new ConcatenationOptions(o.GetInt32(0), (FusedActivation)o.GetByte(1)),
            BuiltinOperator.DepthToSpace => new DepthToSpaceOptions(o.GetInt32(0)),
            _ => null,
        };
    }

    private static OperatorOptions? ReadCustomOptions(string? customCode, ReadOnlySpan<byte> bytes)
    {
        if (customCode != CustomOperators.Convolution2DTransposeBias)
        {
            return null;
        }
        if (bytes.Length < 12)
        {
            throw new InvalidDataException($"{customCode}: expected 12 bytes of options, found {bytes.Length}");
        }
        // TfLiteTransposeConvParams { int32 padding (1 = SAME, 2 = VALID); int32 stride_width; int32 stride_height; }
        var padding = BinaryPrimitives.ReadInt32LittleEndian(bytes) switch
        {
            1 => Padding.Same,
            2 => Padding.Valid,
            var other => throw new InvalidDataException($"{customCode}: unknown padding value {other}"),
        };
        return new TransposeConvBiasOptions(
            padding, BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]));
    }
}
