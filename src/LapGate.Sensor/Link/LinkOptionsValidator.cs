using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Link;

/// <summary>Checks <see cref="LinkOptions"/>; every problem names its property.</summary>
public sealed class LinkOptionsValidator : OptionsValidator<LinkOptionsValidator, LinkOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, LinkOptions options, List<string> failures)
    {
        failures.AddIfNotPositive(nameof(options.KeepAliveInterval), options.KeepAliveInterval);
        failures.AddIfNotPositive(nameof(options.KeepAliveTimeout), options.KeepAliveTimeout);
        failures.AddIfNotPositive(nameof(options.ConnectTimeout), options.ConnectTimeout);
        failures.AddIfNotPositive(nameof(options.HandshakeTimeout), options.HandshakeTimeout);
        failures.AddIfNotPositive(nameof(options.SendTimeout), options.SendTimeout);
        failures.AddIfNotPositive(nameof(options.CloseTimeout), options.CloseTimeout);
        failures.AddIf(options.SendWindow < 1, $"{nameof(options.SendWindow)}: {options.SendWindow} must be at least 1 (events sent before a pong)");
        failures.AddIfMissing(nameof(options.RetryPolicy), options.RetryPolicy);
    }
}
