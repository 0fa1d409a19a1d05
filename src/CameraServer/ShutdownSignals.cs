using System.Runtime.InteropServices;

namespace SparkVideo.CameraServer;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation so the server can close its sockets and
/// the capture device; a second signal terminates the process the default way.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = !_cancellation.IsCancellationRequested;
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cancellation.Dispose();
    }
}
