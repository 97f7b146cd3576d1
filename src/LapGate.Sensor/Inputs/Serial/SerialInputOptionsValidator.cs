using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>Checks <see cref="SerialInputOptions"/>; every problem names its property.</summary>
public sealed class SerialInputOptionsValidator : IValidateOptions<SerialInputOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static SerialInputOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SerialInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Path: is empty (name the device, e.g. /dev/ttyACM0)");
        }
        if (options.BaudRate is < 300 or > 4_000_000)
        {
            failures.Add($"BaudRate: {options.BaudRate} must be 300..4000000");
        }
        if (options.FirstRetryDelay <= TimeSpan.Zero)
        {
            failures.Add("FirstRetryDelay: must be positive");
        }
        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add("MaxRetryDelay: must be at least FirstRetryDelay");
        }
        return failures.ToResult();
    }
}
