using System.Collections.Concurrent;
using SparkVideo.Vision.Temporal;

namespace SparkVideo.Processing;

/// <summary>
/// The per-camera mask states of this process (an executor on real Spark), keyed by the job's settings and the camera's
/// name (<see cref="OneCamera"/> for the one-camera job). Never serialized: each executor builds its own on the first
/// frame of a camera it sees. When a camera's partition moves to another executor, that executor's state for it is
/// stale or missing, and the gap and order rules of <see cref="CameraMaskState"/> restart it cleanly.
/// </summary>
public static class CameraMaskStates
{
    /// <summary>The key of the one-camera job's camera, which has no name (also its partitioning key).</summary>
    public const string OneCamera = "";

    private static readonly ConcurrentDictionary<(ProcessingSettings Settings, string Camera), CameraMaskState> States = new();

    /// <summary>The camera's state, created on first use; null when the settings turn smoothing and mask reuse off.</summary>
    public static CameraMaskState? For(ProcessingSettings settings, string? camera)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.UsesCameraState
            ? States.GetOrAdd((settings, camera ?? OneCamera), key => new CameraMaskState(key.Settings.TemporalMask()))
            : null;
    }
}
