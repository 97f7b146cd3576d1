using LapGate.Protocol.Validation;

namespace LapGate.Bridge;

/// <summary>The checks the bridge's and the replayer's options share: the address they dial, the clock, the timeouts, the frame limit.</summary>
internal static class ConnectionChecks
{
    /// <summary>True for an absolute ws:// or wss:// address.</summary>
    public static bool IsWebSocketAddress(Uri? address) => address is { IsAbsoluteUri: true, Scheme: "ws" or "wss" };

    /// <summary>Adds a problem for a missing clock, a timeout that is not positive, or a frame limit under one byte.</summary>
    public static void AddConnectionProblems(this List<string> failures, TimeProvider? timeProvider, TimeSpan connectTimeout, TimeSpan closeTimeout,
        int maxMessageBytes)
    {
        failures.AddIf(timeProvider is null, "TimeProvider is required");
        failures.AddIf(connectTimeout <= TimeSpan.Zero, "ConnectTimeout must be positive");
        failures.AddIf(closeTimeout <= TimeSpan.Zero, "CloseTimeout must be positive");
        failures.AddIf(maxMessageBytes < 1, "MaxMessageBytes must be at least 1");
    }
}
