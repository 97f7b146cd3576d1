using System.Globalization;
using System.Net;
using LapGate.Emulator.Faults;
using LapGate.Protocol.Validation;
using LapGate.Web;
using Microsoft.Extensions.Options;

namespace LapGate.Emulator;

/// <summary>Checks <see cref="EmulatorOptions"/> and its <see cref="EmulatorOptions.Faults"/>; every problem names its property.</summary>
public sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static EmulatorOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Bind)
            || !(IPAddress.TryParse(options.Bind, out _) || string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Bind: '{options.Bind}' is not an IP address (use e.g. 127.0.0.1 or 0.0.0.0)");
        }
        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Port: {options.Port} is outside 0..65535");
        }
        if (options.ApiVersion < 1)
        {
            failures.Add($"ApiVersion: {options.ApiVersion} must be a positive number (the app uses 6 or 7)");
        }
        if (options.MaxFrameBytes < 256)
        {
            failures.Add($"MaxFrameBytes: {options.MaxFrameBytes} is too small (at least 256)");
        }
        if (options.DriversFile is not null && !File.Exists(options.DriversFile))
        {
            failures.Add($"DriversFile: file '{options.DriversFile}' does not exist");
        }
        if (options.DatabasePath is { Length: 0 })
        {
            failures.Add("DatabasePath: the path is empty");
        }
        if (options.ControlToken is not null && (options.ControlToken.Length < 8 || options.ControlToken.Any(char.IsWhiteSpace)))
        {
            failures.Add("ControlToken: use at least 8 characters and no spaces");
        }
        if (options.HandshakeTimeout <= TimeSpan.Zero || options.HandshakeTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"HandshakeTimeout: {options.HandshakeTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s must be more than 0 and at most 3600 s");
        }
        if (options.MaxConnections is < 1 or > 10_000)
        {
            failures.Add($"MaxConnections: {options.MaxConnections} must be between 1 and 10000");
        }
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
        if (options.OptionNames is null)
        {
            failures.Add("OptionNames: is required (empty names every option by its property)");
        }
        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider: is required");
        }
        if (options.Faults is null)
        {
            failures.Add("Faults: is required (FaultOptions.None for no faults)");
        }
        else
        {
            failures.AddNested(nameof(EmulatorOptions.Faults), FaultOptionsValidator.Instance.Validate(name, options.Faults));
        }
        return failures.ToResult();
    }
}
