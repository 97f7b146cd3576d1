using System.Net;
using LapGate.Emulator.Faults;
using LapGate.Protocol.Validation;
using LapGate.Web;

namespace LapGate.Emulator;

/// <summary>Checks <see cref="EmulatorOptions"/> and its <see cref="EmulatorOptions.Faults"/>; every problem names its property.</summary>
public sealed class EmulatorOptionsValidator : OptionsValidator<EmulatorOptionsValidator, EmulatorOptions>
{
    /// <inheritdoc/>
    protected override void Check(string? name, EmulatorOptions options, List<string> failures)
    {
        failures.AddIf(string.IsNullOrWhiteSpace(options.Bind)
            || !(IPAddress.TryParse(options.Bind, out _) || string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase)),
            $"Bind: '{options.Bind}' is not an IP address (use e.g. 127.0.0.1 or 0.0.0.0)");
        failures.AddIf(options.Port is < 0 or > 65535, $"Port: {options.Port} is outside 0..65535");
        failures.AddIf(options.ApiVersion < 1, $"ApiVersion: {options.ApiVersion} must be a positive number (the app uses 6 or 7)");
        failures.AddIf(options.MaxFrameBytes < 256, $"MaxFrameBytes: {options.MaxFrameBytes} is too small (at least 256)");
        failures.AddIf(options.DriversFile is not null && !File.Exists(options.DriversFile),
            $"DriversFile: file '{options.DriversFile}' does not exist");
        failures.AddIf(options.DatabasePath is { Length: 0 }, "DatabasePath: the path is empty");
        failures.AddIf(options.ControlToken is not null && (options.ControlToken.Length < 8 || options.ControlToken.Any(char.IsWhiteSpace)),
            "ControlToken: use at least 8 characters and no spaces");
        failures.AddIf(options.HandshakeTimeout <= TimeSpan.Zero || options.HandshakeTimeout > TimeSpan.FromHours(1),
            $"HandshakeTimeout: {options.HandshakeTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s must be more than 0 and at most 3600 s");
        failures.AddIf(options.MaxConnections is < 1 or > 10_000, $"MaxConnections: {options.MaxConnections} must be between 1 and 10000");
        // AllowedHosts and AllowedOrigins: the shared web library's rules, each list checked on its own so that its
        // problems can be named by its property.
        var guards = new RequestGuardOptionsValidator();
        var hosts = new RequestGuardOptions();
        foreach (var host in options.AllowedHosts)
        {
            hosts.AllowedHosts.Add(host);
        }
        failures.AddRange(guards.Validate(name, hosts).Problems().Select(p => $"{nameof(EmulatorOptions.AllowedHosts)}: {p}"));
        var origins = new RequestGuardOptions();
        foreach (var origin in options.AllowedOrigins)
        {
            origins.AllowedOrigins.Add(origin);
        }
        failures.AddRange(guards.Validate(name, origins).Problems().Select(p => $"{nameof(EmulatorOptions.AllowedOrigins)}: {p}"));
        failures.AddIf(options.OptionNames is null, "OptionNames: is required (empty names every option by its property)");
        failures.AddIfMissing(nameof(options.TimeProvider), options.TimeProvider);
        if (options.Faults is null)
        {
            failures.Add("Faults: is required (FaultOptions.None for no faults)");
        }
        else
        {
            failures.AddNested(nameof(EmulatorOptions.Faults), FaultOptionsValidator.Instance.Validate(name, options.Faults));
        }
    }
}
