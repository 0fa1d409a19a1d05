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
}
