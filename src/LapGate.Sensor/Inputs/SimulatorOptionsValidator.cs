using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Sensor.Inputs;

/// <summary>Checks <see cref="SimulatorOptions"/>; every problem names its property.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static SimulatorOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Cars is < 1 or > 8)
        {
            failures.Add($"Cars: {options.Cars} must be 1..8");
        }
        if (options.Laps is < 1)
        {
            failures.Add($"Laps: {options.Laps} must be at least 1");
        }
        if (options.TypicalLap <= TimeSpan.Zero)
        {
            failures.Add("TypicalLap: must be positive");
        }
        if (options.Spread is < 0 or > 0.5)
        {
            failures.Add("Spread: must be 0..0.5");
        }
        if (options.PitProbability is < 0 or > 1)
        {
            failures.Add("PitProbability: must be 0..1");
        }
        if (options.DoubleTriggerProbability is < 0 or > 1)
        {
            failures.Add("DoubleTriggerProbability: must be 0..1");
        }
        if (!(options.Speed > 0))
        {
            failures.Add("Speed: must be positive");
        }
        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider: is required");
        }
        return failures.ToResult();
    }
}
