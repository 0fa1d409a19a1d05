using System.Runtime.InteropServices;

namespace CameraServer;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation so the server can close its sockets and
/// the capture device; a second signal terminates the process the default way.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;

    public ShutdownSignals()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => cancellation.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !cancellation.IsCancellationRequested;
        cancellation.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
        cancellation.Dispose();
    }
}
