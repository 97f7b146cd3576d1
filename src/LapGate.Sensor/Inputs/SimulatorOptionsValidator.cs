using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Inputs;

/// <summary>Checks <see cref="SimulatorOptions"/>; every problem names its property.</summary>
public sealed class SimulatorOptionsValidator : OptionsValidator<SimulatorOptionsValidator, SimulatorOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, SimulatorOptions options, List<string> failures)
    {
        failures.AddIf(options.Cars is < 1 or > 8, $"Cars: {options.Cars} must be 1..8");
        failures.AddIf(options.Laps is < 1, $"Laps: {options.Laps} must be at least 1");
        failures.AddIfNotPositive(nameof(options.TypicalLap), options.TypicalLap);
        failures.AddIf(options.Spread is < 0 or > 0.5, "Spread: must be 0..0.5");
        failures.AddIf(options.PitProbability is < 0 or > 1, "PitProbability: must be 0..1");
        failures.AddIf(options.DoubleTriggerProbability is < 0 or > 1, "DoubleTriggerProbability: must be 0..1");
        failures.AddIf(!(options.Speed > 0), "Speed: must be positive");
        failures.AddIfMissing(nameof(options.TimeProvider), options.TimeProvider);
    }
}
