using LapGate.Protocol.Validation;
using LapGate.Sensor.Link;
using Microsoft.Extensions.Options;

namespace LapGate.Sensor.Pipeline;

/// <summary>Checks <see cref="SensorOptions"/> and its <see cref="SensorOptions.Link"/>; every problem names its property.</summary>
public sealed class SensorOptionsValidator : IValidateOptions<SensorOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static SensorOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SensorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Server is null || !options.Server.IsAbsoluteUri || options.Server.Scheme is not ("ws" or "wss"))
        {
            failures.Add($"Server: \"{options.Server}\" must be an absolute ws:// or wss:// address");
        }
        if (options.Config is null)
        {
            failures.Add("Config: is required");
        }
        if (string.IsNullOrWhiteSpace(options.OutboxPath))
        {
            failures.Add("OutboxPath: is required");
        }
        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider: is required");
        }
        if (options.ChannelCapacity < 1)
        {
            failures.Add("ChannelCapacity: must be at least 1");
        }
        if (options.Link is null)
        {
            failures.Add("Link: is required");
        }
        else
        {
            failures.AddNested(nameof(SensorOptions.Link), LinkOptionsValidator.Instance.Validate(name, options.Link));
        }
        return failures.ToResult();
    }
}
