using System.Net;

namespace SparkVideo.Reliability.Tests.Security;

/// <summary>
/// Both programs stay on loopback by default: the camera server listens on 127.0.0.1 only, and the job listens
/// on nothing at all (it only connects out). That the server never serves more than --max-consumers is tested in
/// CameraServer.Tests (ConsumerLifecycleTests.A_second_concurrent_consumer_is_refused_when_max_consumers_is_one).
/// </summary>
public sealed class LoopbackBindingTests
{
    [Fact]
    public void The_camera_server_listens_on_127_0_0_1_only_by_default()
    {
        using var server = CameraServerProcess.Start("--source", "synthetic", "--fps", "5");

        Assert.Contains(server.Process.StdoutLines, line => line == $"Listening on 127.0.0.1:{server.Port}");
        var listening = ListeningSockets.Of(server.Process.Id);
        Assert.NotEmpty(listening);
        Assert.All(listening, endpoint => Assert.Equal(IPAddress.Loopback, endpoint.Address));
    }

    [Fact]
    public void The_job_opens_no_listening_socket_and_connects_out_to_the_producer_only()
    {
        using var producer = new RawProducer();
        using var job = JobProcess.Start(producer.Port, null, "--host", "localhost");
        using var connection = producer.Accept();
        connection.Send(SampleFrames.Line(SampleFrames.Timestamp(SampleFrames.BaseMillis(), 0)));
        job.WaitForOutcome(frames: 1, rejects: 0);

        var sockets = ListeningSockets.TcpSockets(job.Process.Id);
        Assert.DoesNotContain(sockets, s => s.State == "0A");
        var connected = Assert.Single(sockets);
        Assert.True(IPAddress.IsLoopback(connected.Remote.Address), connected.Remote.ToString());
        Assert.Equal(producer.Port, connected.Remote.Port);
    }
}
