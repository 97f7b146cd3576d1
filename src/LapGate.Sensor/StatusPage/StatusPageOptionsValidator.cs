using System.Net;
using LapGate.Protocol.Validation;
using LapGate.Web;

namespace LapGate.Sensor.StatusPage;

/// <summary>Checks <see cref="StatusPageOptions"/>; every problem names its property.</summary>
public sealed class StatusPageOptionsValidator : OptionsValidator<StatusPageOptionsValidator, StatusPageOptions>
{
    private static readonly RequestGuardOptionsValidator Guards = new();

    /// <inheritdoc/>
    protected override void Check(string? name, StatusPageOptions options, List<string> failures)
    {
        failures.AddIf(!string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(options.Bind, out _),
            $"{nameof(options.Bind)}: \"{options.Bind}\" is not an IP address (use 0.0.0.0 for the network, 127.0.0.1 for this machine only)");
        failures.AddIf(options.Port is < 0 or > 65535, $"{nameof(options.Port)}: {options.Port} must be 0..65535");
        // The guards' problems already name the entry (allowed host "…"), as the other commands show them.
        failures.AddRange(Guards.Validate(name, options.Guards).Problems());
    }
}
