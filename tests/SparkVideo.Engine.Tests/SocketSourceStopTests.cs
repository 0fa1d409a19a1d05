using System.Diagnostics;
using SparkVideo.ChildProcesses;
using SparkVideo.Engine.Sources;

namespace SparkVideo.Engine.Tests;

/// <summary>Stopping a socket source at any moment of its connect loop ends its thread quietly.</summary>
public sealed class SocketSourceStopTests
{
    [Fact]
    public void A_source_stopped_while_it_connects_ends_without_an_exception_on_its_thread()
    {
        // Dispose closes the socket the read loop registered; when that landed between the registration and the connect
        // call, ConnectAsync threw ObjectDisposedException on the source's own thread, which ended the whole process:
        // this test host aborted within these 2,000 stops at varied points of the loop before the fix.
        var options = new SocketSourceOptions { Host = "127.0.0.1", Port = FreePort.Get() };
        for (var i = 0; i < 2000; i++)
        {
            using var source = new SocketSource(options, TextWriter.Null);
            source.Start();
            Thread.SpinWait(i % 200);
        }
    }

    [Fact]
    public void A_source_stopped_while_its_connect_gets_no_answer_stops_at_once()
    {
        // The source connects with a blocking call (an asynchronous connect leaves the socket non-blocking on Linux);
        // closing the socket has to cut it short, as the stop does here and the 5 s time limit does otherwise.
        using var listener = new FullListener();
        var source = new SocketSource(new SocketSourceOptions { Host = "127.0.0.1", Port = listener.Port }, TextWriter.Null);
        source.Start();
        Eventually.True(() => ProcessSockets.Connecting(listener.Port) == 1, "the source's connection request waiting for an answer");

        var stopping = Stopwatch.StartNew();
        source.Dispose();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"the stop took {stopping.Elapsed.TotalSeconds:0.00} s");
    }
}
