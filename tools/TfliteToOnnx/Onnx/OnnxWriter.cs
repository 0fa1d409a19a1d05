using Google.Protobuf;

namespace SparkVideo.TfliteToOnnx.Onnx;

/// <summary>
/// Serialises <see cref="OnnxModel"/> as an onnx.proto ModelProto, field by field. onnx.proto is proto2,
/// so repeated scalars are written unpacked. Output depends only on the model (deterministic).
/// </summary>
public static class OnnxWriter
{
    private static class ModelField { public const int IrVersion = 1, ProducerName = 2, ProducerVersion = 3, DocString = 6, Graph = 7, OpsetImport = 8, MetadataProps = 14; }
    private static class OpsetField { public const int Domain = 1, Version = 2; }
    private static class EntryField { public const int Key = 1, Value = 2; }
    private static class GraphField { public const int Node = 1, Name = 2, Initializer = 5, Input = 11, Output = 12; }
    private static class NodeField { public const int Input = 1, Output = 2, Name = 3, OpType = 4, Attribute = 5; }
    private static class AttributeField { public const int Name = 1, F = 2, I = 3, S = 4, Ints = 8, Type = 20; }
    private static class TensorField { public const int Dims = 1, DataType = 2, Name = 8, RawData = 9; }
    private static class ValueInfoField { public const int Name = 1, Type = 2; }
    private static class TypeField { public const int TensorType = 1; }
    private static class TensorTypeField { public const int ElemType = 1, Shape = 2; }
    private static class ShapeField { public const int Dim = 1; }
    private static class DimensionField { public const int DimValue = 1; }

    public static byte[] Serialize(OnnxModel model) => Message(o =>
    {
        WriteInt64(o, ModelField.IrVersion, model.IrVersion);
        WriteString(o, ModelField.ProducerName, model.ProducerName);
        WriteString(o, ModelField.ProducerVersion, model.ProducerVersion);
        WriteString(o, ModelField.DocString, model.DocString);
        WriteMessage(o, ModelField.Graph, Graph(model.Graph));
        WriteMessage(o, ModelField.OpsetImport, Message(op =>
        {
            WriteString(op, OpsetField.Domain, "");
            WriteInt64(op, OpsetField.Version, model.OpsetVersion);
        }));
        foreach (var (key, value) in model.Metadata)
        {
            WriteMessage(o, ModelField.MetadataProps, Message(e =>
            {
                WriteString(e, EntryField.Key, key);
                WriteString(e, EntryField.Value, value);
            }));
        }
    });

    private static byte[] Graph(OnnxGraph graph) => Message(o =>
    {
        foreach (var node in graph.Nodes)
        {
            WriteMessage(o, GraphField.Node, Node(node));
        }
        WriteString(o, GraphField.Name, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            WriteMessage(o, GraphField.Initializer, Tensor(tensor));
        }
        foreach (var input in graph.Inputs)
        {
            WriteMessage(o, GraphField.Input, ValueInfo(input));
        }
        foreach (var output in graph.Outputs)
        {
            WriteMessage(o, GraphField.Output, ValueInfo(output));
        }
    });

    private static byte[] Node(OnnxNode node) => Message(o =>
    {
        foreach (var input in node.Inputs)
        {
            WriteString(o, NodeField.Input, input);
        }
        foreach (var output in node.Outputs)
        {
            WriteString(o, NodeField.Output, output);
        }
        WriteString(o, NodeField.Name, node.Name);
        WriteString(o, NodeField.OpType, node.OpType);
        foreach (var attribute in node.Attributes)
        {
            WriteMessage(o, NodeField.Attribute, Attribute(attribute));
        }
    });

    private static byte[] Attribute(OnnxAttribute attribute) => Message(o =>
    {
        WriteString(o, AttributeField.Name, attribute.Name);
        switch (attribute.Type)
        {
            case OnnxAttributeType.Float:
                o.WriteTag(AttributeField.F, WireFormat.WireType.Fixed32);
                o.WriteFloat(attribute.Float);
                break;
            case OnnxAttributeType.Int:
                WriteInt64(o, AttributeField.I, attribute.Int);
                break;
            case OnnxAttributeType.String:
                o.WriteTag(AttributeField.S, WireFormat.WireType.LengthDelimited);
                o.WriteBytes(ByteString.CopyFromUtf8(attribute.String ?? ""));
                break;
            case OnnxAttributeType.Ints:
                foreach (var value in attribute.Ints ?? [])
                {
                    WriteInt64(o, AttributeField.Ints, value);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Type, "unsupported attribute type");
        }
        WriteInt64(o, AttributeField.Type, (long)attribute.Type);
    });

    private static byte[] Tensor(OnnxTensor tensor) => Message(o =>
    {
        foreach (var dim in tensor.Dims)
        {
            WriteInt64(o, TensorField.Dims, dim);
        }
        WriteInt64(o, TensorField.DataType, (long)tensor.DataType);
        WriteString(o, TensorField.Name, tensor.Name);
        o.WriteTag(TensorField.RawData, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(UnsafeByteOperations.UnsafeWrap(tensor.RawData));
    });

    private static byte[] ValueInfo(OnnxValueInfo info) => Message(o =>
    {
        WriteString(o, ValueInfoField.Name, info.Name);
        WriteMessage(o, ValueInfoField.Type, Message(type =>
            WriteMessage(type, TypeField.TensorType, Message(tensorType =>
            {
                WriteInt64(tensorType, TensorTypeField.ElemType, (long)info.ElementType);
                if (info.Shape is { } dims)
                {
                    WriteMessage(tensorType, TensorTypeField.Shape, Message(shape =>
                    {
                        foreach (var dim in dims)
                        {
                            WriteMessage(shape, ShapeField.Dim, Message(d => WriteInt64(d, DimensionField.DimValue, dim)));
                        }
                    }));
                }
            }))));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            write(output);
        }
        return stream.ToArray();
    }

    private static void WriteMessage(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(message));
    }

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }
}
