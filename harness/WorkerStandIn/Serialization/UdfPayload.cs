using MessagePack;

namespace WorkerStandIn.Serialization;

/// <summary>The bytes that travel from the driver to the worker for one UDF, and back into a description.</summary>
public static class UdfPayload
{
    public static byte[] Write(UdfDescription description) =>
        MessagePackSerializer.Typeless.Serialize(description, WorkerReadRule.Options);

    /// <summary>Reads a payload as the worker does; types are resolved by the process's assembly loading.</summary>
    public static UdfDescription Read(byte[] payload) =>
        (UdfDescription)(MessagePackSerializer.Typeless.Deserialize(payload, WorkerReadRule.Options)
            ?? throw new InvalidDataException("an empty UDF payload"));
}
