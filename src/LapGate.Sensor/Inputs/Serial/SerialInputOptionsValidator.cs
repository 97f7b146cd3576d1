using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>Checks <see cref="SerialInputOptions"/>; every problem names its property.</summary>
public sealed class SerialInputOptionsValidator : OptionsValidator<SerialInputOptionsValidator, SerialInputOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, SerialInputOptions options, List<string> failures)
    {
        failures.AddIf(string.IsNullOrWhiteSpace(options.Path), "Path: is empty (name the device, e.g. /dev/ttyACM0)");
        failures.AddIf(options.BaudRate is < 300 or > 4_000_000, $"BaudRate: {options.BaudRate} must be 300..4000000");
        failures.AddIfNotPositive(nameof(options.FirstRetryDelay), options.FirstRetryDelay);
        failures.AddIf(options.MaxRetryDelay < options.FirstRetryDelay, "MaxRetryDelay: must be at least FirstRetryDelay");
    }
}
