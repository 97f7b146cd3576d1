using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Sensor.Link;

/// <summary>Checks <see cref="LinkOptions"/>; every problem names its property.</summary>
public sealed class LinkOptionsValidator : IValidateOptions<LinkOptions>
{
    /// <summary>The one instance (it keeps no state).</summary>
    public static LinkOptionsValidator Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.KeepAliveInterval <= TimeSpan.Zero)
        {
            failures.Add("KeepAliveInterval: must be positive");
        }
        if (options.KeepAliveTimeout <= TimeSpan.Zero)
        {
            failures.Add("KeepAliveTimeout: must be positive");
        }
        foreach (var (property, value) in (ReadOnlySpan<(string, TimeSpan)>)[
            (nameof(LinkOptions.ConnectTimeout), options.ConnectTimeout),
            (nameof(LinkOptions.HandshakeTimeout), options.HandshakeTimeout),
            (nameof(LinkOptions.SendTimeout), options.SendTimeout),
            (nameof(LinkOptions.CloseTimeout), options.CloseTimeout)])
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{property}: must be positive");
            }
        }
        if (options.RetryPolicy is null)
        {
            failures.Add("RetryPolicy: is required");
        }
        return failures.ToResult();
    }
}
