using LapGate.Protocol.Validation;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Pipeline;

/// <summary>Checks <see cref="SensorOptions"/> and its <see cref="SensorOptions.Link"/>; every problem names its property.</summary>
public sealed class SensorOptionsValidator : OptionsValidator<SensorOptionsValidator, SensorOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, SensorOptions options, List<string> failures)
    {
        failures.AddIf(options.Server is null || !options.Server.IsAbsoluteUri || options.Server.Scheme is not ("ws" or "wss"),
            $"Server: \"{options.Server}\" must be an absolute ws:// or wss:// address");
        failures.AddIfMissing(nameof(options.Config), options.Config);
        failures.AddIf(string.IsNullOrWhiteSpace(options.OutboxPath), "OutboxPath: is required");
        failures.AddIfMissing(nameof(options.TimeProvider), options.TimeProvider);
        failures.AddIf(options.ChannelCapacity < 1, "ChannelCapacity: must be at least 1");
        failures.AddNested(nameof(options.Link), options.Link, LinkOptionsValidator.Instance, name);
    }
}
