using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Probing;

/// <summary>Checks <see cref="ProbeOptions"/>; every problem names its property.</summary>
public sealed class ProbeOptionsValidator : OptionsValidator<ProbeOptionsValidator, ProbeOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, ProbeOptions options, List<string> failures)
    {
        failures.AddIf(options.Samples is < 1 or > 50, $"Samples: {options.Samples} must be 1..50");
        failures.AddIf(options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1),
            $"Timeout: {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s must be more than 0 and at most 60 s");
        failures.AddIfMissing(nameof(options.TimeProvider), options.TimeProvider);
    }
}
