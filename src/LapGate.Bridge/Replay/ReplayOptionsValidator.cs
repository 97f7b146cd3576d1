using LapGate.Protocol.Validation;

namespace LapGate.Bridge.Replay;

/// <summary>Checks <see cref="ReplayOptions"/>; every problem names its property.</summary>
public sealed class ReplayOptionsValidator : OptionsValidator<ReplayOptionsValidator, ReplayOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, ReplayOptions options, List<string> failures)
    {
        failures.AddIf(!ConnectionChecks.IsWebSocketAddress(options.Target),
            $"Target '{options.Target}' must be an absolute ws:// or wss:// address, e.g. ws://127.0.0.1:50780");
        failures.AddIf(!double.IsFinite(options.Speed) || options.Speed <= 0, $"Speed must be a positive number (1 = recorded pace), got {options.Speed}");
        failures.AddConnectionProblems(options.TimeProvider, options.ConnectTimeout, options.CloseTimeout, options.MaxMessageBytes);
    }
}
