using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Bridge.Replay;

/// <summary>Checks <see cref="ReplayOptions"/>; every problem names its property.</summary>
public sealed class ReplayOptionsValidator : IValidateOptions<ReplayOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static ReplayOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Target is null || !options.Target.IsAbsoluteUri || (options.Target.Scheme != "ws" && options.Target.Scheme != "wss"))
        {
            failures.Add($"Target '{options.Target}' must be an absolute ws:// or wss:// address, e.g. ws://127.0.0.1:50780");
        }
        if (!double.IsFinite(options.Speed) || options.Speed <= 0)
        {
            failures.Add($"Speed must be a positive number (1 = recorded pace), got {options.Speed}");
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
        return failures.ToResult();
    }
}
