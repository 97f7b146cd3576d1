using LapGate.Emulator.Faults;

namespace LapGate.Emulator.Api;

/// <summary>The JSON of <c>GET/POST /api/faults</c>: <c>{"closeAfterAnalogFrames":null,"handshakeDelayMs":0,"ignoreHandshake":false}</c>.</summary>
public sealed record FaultSettings(int? CloseAfterAnalogFrames = null, int HandshakeDelayMs = 0, bool IgnoreHandshake = false)
{
    public static FaultSettings From(FaultOptions faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return new(faults.CloseAfterAnalogFrames, (int)faults.HandshakeDelay.TotalMilliseconds, faults.IgnoreHandshake);
    }

    public FaultOptions ToOptions() => new()
    {
        CloseAfterAnalogFrames = CloseAfterAnalogFrames,
        HandshakeDelay = TimeSpan.FromMilliseconds(HandshakeDelayMs),
        IgnoreHandshake = IgnoreHandshake,
    };
}
