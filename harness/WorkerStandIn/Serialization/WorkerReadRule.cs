using MessagePack;
using MessagePack.Resolvers;

namespace WorkerStandIn.Serialization;

/// <summary>
/// The worker's read-side rule for UDF payloads (Microsoft.Spark 2.3.x): MessagePack Typeless with untrusted-data
/// security, where every type met while reading must be one MessagePack's <see cref="StandardResolver"/> can format,
/// or carry <c>[Serializable]</c>. Writing applies no such rule, so a closure the driver happily sends can still
/// fail in every worker.
/// </summary>
public sealed class WorkerReadRule : MessagePackSerializerOptions
{
    public static MessagePackSerializerOptions Options { get; } =
        new WorkerReadRule(TypelessContractlessStandardResolver.Instance).WithSecurity(MessagePackSecurity.UntrustedData);

    private WorkerReadRule(IFormatterResolver resolver)
        : base(resolver)
    {
    }

    private WorkerReadRule(WorkerReadRule copyFrom)
        : base(copyFrom)
    {
    }

    public override void ThrowIfDeserializingTypeIsDisallowed(Type type)
    {
        base.ThrowIfDeserializingTypeIsDisallowed(type);
        var standard = StandardResolver.Instance.GetFormatterDynamic(type) is not null;
        if (!standard && !type.IsDefined(typeof(SerializableAttribute), inherit: true))
        {
            throw new MessagePackSerializationException(
                $"Deserialization attempted to create the type {type.FullName} which is not allowed. Add 'System.Serializable' attribute to allow serialization");
        }
    }

    protected override MessagePackSerializerOptions Clone() => new WorkerReadRule(this);
}
