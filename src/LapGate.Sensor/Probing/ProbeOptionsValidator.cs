using System.Globalization;
using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Sensor.Probing;

/// <summary>Checks <see cref="ProbeOptions"/>; every problem names its property.</summary>
public sealed class ProbeOptionsValidator : IValidateOptions<ProbeOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static ProbeOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Samples is < 1 or > 50)
        {
            failures.Add($"Samples: {options.Samples} must be 1..50");
        }
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Timeout: {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s must be more than 0 and at most 60 s");
        }
        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider: is required");
        }
        return failures.ToResult();
    }
}
