using LapGate.Protocol.Validation;

namespace LapGate.Emulator.Faults;

/// <summary>Checks <see cref="FaultOptions"/>; every problem names its property.</summary>
public sealed class FaultOptionsValidator : OptionsValidator<FaultOptionsValidator, FaultOptions>
{
    /// <summary>The longest handshake delay.</summary>
    public static readonly TimeSpan MaxHandshakeDelay = TimeSpan.FromMinutes(10);

    /// <inheritdoc/>
    protected override void Check(string? name, FaultOptions options, List<string> failures)
    {
        if (options.CloseAfterAnalogFrames is < 1)
        {
            failures.Add($"CloseAfterAnalogFrames: must be at least 1 analog frame, got {options.CloseAfterAnalogFrames}");
        }
        if (options.HandshakeDelay < TimeSpan.Zero || options.HandshakeDelay > MaxHandshakeDelay)
        {
            failures.Add($"HandshakeDelay: the handshake delay must be 0..600000 ms, got {options.HandshakeDelay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
        }
    }
}
