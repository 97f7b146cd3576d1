using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Bridge;

/// <summary>Checks <see cref="BridgeOptions"/>; every problem names its property.</summary>
public sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static BridgeOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!BridgeOptions.TryParseListen(options.Listen, out _, out var listenProblem))
        {
            failures.Add(listenProblem);
        }
        if (options.Upstream is null)
        {
            failures.Add("Upstream is required: the app's address, e.g. ws://192.168.1.20:50780");
        }
        else if (!options.Upstream.IsAbsoluteUri || (options.Upstream.Scheme != "ws" && options.Upstream.Scheme != "wss"))
        {
            failures.Add($"Upstream '{options.Upstream}' must be an absolute ws:// or wss:// address");
        }
        if (options.CapturePath is not null && string.IsNullOrWhiteSpace(options.CapturePath))
        {
            failures.Add("CapturePath must name a file");
        }
        if (options.TimeProvider is null)
        {
            failures.Add("TimeProvider is required");
        }
        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add("ConnectTimeout must be positive");
        }
        if (options.CloseTimeout <= TimeSpan.Zero)
        {
            failures.Add("CloseTimeout must be positive");
        }
        if (options.MaxMessageBytes < 1)
        {
            failures.Add("MaxMessageBytes must be at least 1");
        }
        if (options.RecorderCapacity < 1)
        {
            failures.Add("RecorderCapacity must be at least 1");
        }
        return failures.ToResult();
    }
}
