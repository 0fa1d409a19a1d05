using System.Net;
using System.Text.RegularExpressions;
using SparkVideo.Frames;
using SparkVideo.Testing;

namespace SparkVideo.CameraServer.Tests;

/// <summary>
/// --allow with real sockets from two loopback addresses: the server listens on 127.0.0.1, and a client bound to
/// 127.0.0.2 (loopback on Linux, but another address) plays a machine that is not on the list.
/// </summary>
public sealed partial class AllowListTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.2");

    [Fact]
    public void A_consumer_from_outside_the_allow_list_is_closed_at_once_logged_and_never_takes_the_only_slot()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20", "--max-consumers", "1", "--allow", "127.0.0.1/32");

        // The stranger connects first and keeps its socket open: without the list it would hold the one slot.
        using var stranger = server.ConnectFrom(Stranger);
        Assert.True(stranger.WaitForClose(Timeout), "the server did not close the connection from 127.0.0.2");
        server.Process.WaitForLine(line => line.StartsWith("Refused consumer 127.0.0.2:", StringComparison.Ordinal), Timeout);

        using var allowed = server.Connect();
        Assert.All(allowed.ReadLines(3, Timeout), line => FrameAssert.ValidLine(line));

        var refusals = server.Process.StdoutLines.Where(line => line.StartsWith("Refused consumer", StringComparison.Ordinal)).ToList();
        var refusal = Assert.Single(refusals);
        Assert.Matches(RefusedLine(), refusal);
        Assert.DoesNotContain(server.Process.StdoutLines, line => line.StartsWith("Consumer connected: 127.0.0.2", StringComparison.Ordinal));
    }

    [NetworkAddressFact]
    public void Without_allow_a_server_on_all_interfaces_refuses_this_machines_network_address_and_serves_loopback()
    {
        var networkAddress = NetworkAddressFactAttribute.Find()!;
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20", "--host", "0.0.0.0");
        Assert.Contains("  allow:   loopback only (name the job's machines with --allow CIDR)", server.Process.StdoutLines);

        using (var fromNetwork = server.ConnectFrom(networkAddress, to: networkAddress))
        {
            Assert.True(fromNetwork.WaitForClose(Timeout), $"the server did not close the connection from {networkAddress}");
        }
        server.Process.WaitForLine(line => line.StartsWith($"Refused consumer {networkAddress}:", StringComparison.Ordinal), Timeout);

        using var local = server.ConnectFrom(Stranger);
        Assert.All(local.ReadLines(2, Timeout), line => FrameAssert.ValidLine(line));
    }

    [Fact]
    public void Every_refused_consumer_is_counted()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "20", "--allow", "127.0.0.1");

        for (var i = 1; i <= 3; i++)
        {
            using var stranger = server.ConnectFrom(Stranger);
            Assert.True(stranger.WaitForClose(Timeout));
            server.Process.WaitForLine(line => line.EndsWith($"({i} refused so far)", StringComparison.Ordinal), Timeout);
        }
    }

    /// <summary>Skipped, with the reason, on a machine with no IPv4 address but loopback.</summary>
    private sealed class NetworkAddressFactAttribute : FactAttribute
    {
        public NetworkAddressFactAttribute()
        {
            if (Find() is null)
            {
                Skip = "this machine has no IPv4 address besides loopback to connect from";
            }
        }

        public static IPAddress? Find() =>
            System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .Where(network => network.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
                .SelectMany(network => network.GetIPProperties().UnicastAddresses)
                .Select(unicast => unicast.Address)
                .FirstOrDefault(address => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
    }

    [GeneratedRegex(@"^Refused consumer 127\.0\.0\.2:\d+: not in --allow 127\.0\.0\.1/32 \(1 refused so far\)$")]
    private static partial Regex RefusedLine();
}
