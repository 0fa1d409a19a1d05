using System.Net;

namespace SparkVideo.CameraServer.Streaming;

/// <summary>
/// The addresses a consumer may connect from (--allow CIDR, repeatable). Without --allow only loopback is served,
/// wherever the server listens: a server put on the network with --host 0.0.0.0 serves nobody else until the job's
/// machines are named, so its one consumer slot cannot be taken by whoever reaches the port first.
/// </summary>
internal sealed class ConsumerAllowList
{
    private static readonly IPNetwork[] Loopback = [new(IPAddress.Parse("127.0.0.0"), 8), new(IPAddress.IPv6Loopback, 128)];

    private readonly IPNetwork[] _networks;

    private ConsumerAllowList(IPNetwork[] networks) => _networks = networks;

    public static ConsumerAllowList From(IReadOnlyList<string> cidrs) =>
        new(cidrs.Count == 0 ? Loopback : [.. cidrs.Select(Parse)]);

    /// <summary>Null when <paramref name="cidr"/> is an address with an optional prefix length (10.0.0.0/8, ::1, 192.168.1.7).</summary>
    public static string? Validate(string cidr) =>
        TryParse(cidr, out _) ? null : $"--allow must be an address or CIDR range such as 10.0.0.0/8 or 192.168.1.7, got '{cidr}'";

    /// <summary>An IPv4 consumer of a dual-stack listener arrives as ::ffff:a.b.c.d: it is matched as a.b.c.d.</summary>
    public bool Allows(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(plain));
    }

    public string Describe() => string.Join(", ", _networks.Select(network => network.ToString()));

    private static IPNetwork Parse(string cidr) =>
        TryParse(cidr, out var network) ? network : throw new ArgumentException(Validate(cidr), nameof(cidr));

    private static bool TryParse(string cidr, out IPNetwork network)
    {
        if (!cidr.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(cidr, out var single))
        {
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        // A range with bits set past its prefix (10.1.2.3/8) is a typo worth an error, not a range to guess at.
        return IPNetwork.TryParse(cidr, out network) && IPAddress.TryParse(cidr[..cidr.IndexOf('/', StringComparison.Ordinal)], out var given)
            && given.Equals(network.BaseAddress);
    }
}
