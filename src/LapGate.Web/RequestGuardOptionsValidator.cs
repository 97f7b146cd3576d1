using Microsoft.Extensions.Options;

namespace LapGate.Web;

/// <summary>Checks <see cref="RequestGuardOptions"/> and names every wrong entry, with what a right one looks like.</summary>
public sealed class RequestGuardOptionsValidator : IValidateOptions<RequestGuardOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RequestGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var host in options.AllowedHosts)
        {
            if (HostRule.Normalize(host) is null)
            {
                failures.Add($"allowed host \"{host}\" is not a host name: give a bare name such as race-pi.example.net (no http://, port or path)");
            }
        }
        foreach (var origin in options.AllowedOrigins)
        {
            if (OriginRule.Normalize(origin) is null)
            {
                failures.Add($"allowed origin \"{origin}\" is not an origin: give scheme, host and optional port, such as http://overlay.local:8080 (no path)");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> with every failure when <paramref name="options"/> is wrong.</summary>
    public static void ThrowIfInvalid(RequestGuardOptions options)
    {
        var result = new RequestGuardOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RequestGuardOptions), result.Failures);
        }
    }
}
