using LapGate.Protocol.Validation;

namespace LapGate.Bridge;

/// <summary>Checks <see cref="BridgeOptions"/>; every problem names its property.</summary>
public sealed class BridgeOptionsValidator : OptionsValidator<BridgeOptionsValidator, BridgeOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, BridgeOptions options, List<string> failures)
    {
        if (!BridgeOptions.TryParseListen(options.Listen, out _, out var listenProblem))
        {
            failures.Add(listenProblem);
        }
        if (options.Upstream is null)
        {
            failures.Add("Upstream is required: the app's address, e.g. ws://192.168.1.20:50780");
        }
        else
        {
            failures.AddIf(!ConnectionChecks.IsWebSocketAddress(options.Upstream), $"Upstream '{options.Upstream}' must be an absolute ws:// or wss:// address");
        }
        failures.AddIf(options.CapturePath is not null && string.IsNullOrWhiteSpace(options.CapturePath), "CapturePath must name a file");
        failures.AddConnectionProblems(options.TimeProvider, options.ConnectTimeout, options.CloseTimeout, options.MaxMessageBytes);
        failures.AddIf(options.RecorderCapacity < 1, "RecorderCapacity must be at least 1");
    }
}
