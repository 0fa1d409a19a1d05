namespace SparkVideo.TfliteToOnnx.Tflite;

/// <summary>
/// Sparse constant tensors (TFLite SparsityParameters) made dense when the model is read, and the DENSIFY operators
/// that consumed them folded away: the converter then sees ordinary constants. Supported: the traversal order is the
/// tensor's own dimension order, no blocks, every dimension DENSE except the last, which is SPARSE_CSR.
/// </summary>
public static class SparseTensors
{
    private static class SparsitySlot { public const int TraversalOrder = 0, BlockMap = 1, DimMetadata = 2; }

    private static class DimensionSlot { public const int Format = 0, DenseSize = 1, SegmentsType = 2, Segments = 3, IndicesType = 4, Indices = 5; }

    private const byte DenseFormat = 0, SparseCsrFormat = 1;

    public static byte[] Densify(byte[] values, int[] shape, TensorType type, FlatBufferTable sparsity, int tensorIndex)
    {
        var order = sparsity.GetInt32Vector(SparsitySlot.TraversalOrder);
        var dims = sparsity.GetTableVector(SparsitySlot.DimMetadata);
        var rank = shape.Length;
        if (sparsity.GetInt32Vector(SparsitySlot.BlockMap).Length != 0 || order.Length != rank || dims.Length != rank
            || !order.SequenceEqual(Enumerable.Range(0, rank))
            || dims[..^1].Any(d => d.GetByte(DimensionSlot.Format) != DenseFormat) || dims[^1].GetByte(DimensionSlot.Format) != SparseCsrFormat)
        {
            throw new NotSupportedException(
                $"tensor {tensorIndex}: only sparse tensors with dense leading dimensions and a CSR last dimension (no blocks) are supported");
        }
        var elementSize = type switch
        {
            TensorType.Float32 or TensorType.Int32 => 4,
            TensorType.Float16 => 2,
            TensorType.UInt8 => 1,
            _ => throw new NotSupportedException($"tensor {tensorIndex}: sparse {type} is not supported"),
        };
        var segments = IndexVector(dims[^1], DimensionSlot.SegmentsType, DimensionSlot.Segments);
        var indices = IndexVector(dims[^1], DimensionSlot.IndicesType, DimensionSlot.Indices);
        var rows = shape[..^1].Aggregate(1, (a, b) => a * b);
        var columns = shape[^1];
        if (segments.Length != rows + 1 || segments[^1] != indices.Length || indices.Length * elementSize != values.Length)
        {
            throw new InvalidDataException($"tensor {tensorIndex}: sparse segments, indices and values do not agree");
        }
        var dense = new byte[rows * columns * elementSize];
        for (var row = 0; row < rows; row++)
        {
            for (var k = segments[row]; k < segments[row + 1]; k++)
            {
                if (indices[k] >= columns)
                {
                    throw new InvalidDataException($"tensor {tensorIndex}: sparse index {indices[k]} out of range {columns}");
                }
                Array.Copy(values, k * elementSize, dense, (row * columns + indices[k]) * elementSize, elementSize);
            }
        }
        return dense;
    }

    /// <summary>DENSIFY of a (now dense) constant: its output becomes that constant and the operator is dropped.</summary>
    public static TfliteOperator[] FoldDensify(TfliteOperator[] operators, TfliteTensor[] tensors)
    {
        foreach (var op in operators.Where(o => o.Code == BuiltinOperator.Densify))
        {
            var input = tensors[op.Inputs[0]];
            if (!input.IsConstant)
            {
                throw new NotSupportedException($"DENSIFY (operator {op.Index}) of a non-constant tensor is not supported");
            }
            var output = op.Outputs[0];
            tensors[output] = tensors[output] with { Data = input.Data };
        }
        return [.. operators.Where(o => o.Code != BuiltinOperator.Densify)];
    }

    /// <summary>A union of Int32Vector (1), Uint16Vector (2) and Uint8Vector (3), each a table whose slot 0 is the values.</summary>
    private static int[] IndexVector(FlatBufferTable dimension, int typeSlot, int valueSlot)
    {
        var vector = dimension.GetTable(valueSlot) ?? throw new InvalidDataException("sparse dimension without its index vector");
        return dimension.GetByte(typeSlot) switch
        {
            1 => vector.GetInt32Vector(0),
            2 => [.. vector.GetUInt16Vector(0).Select(v => (int)v)],
            3 => [.. vector.GetBytes(0).ToArray().Select(b => (int)b)],
            var other => throw new InvalidDataException($"unknown sparse index vector type {other}"),
        };
    }
}
