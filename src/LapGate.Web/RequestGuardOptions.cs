namespace LapGate.Web;

/// <summary>The exceptions a user makes to the request guards (see <see cref="RequestGuards"/>).</summary>
public sealed class RequestGuardOptions
{
    /// <summary>
    /// Host names accepted besides IP literals, <c>localhost</c>, this machine's name and <c>NAME.local</c>: bare names
    /// such as <c>race-pi.example.net</c> (no scheme, port or path). Case does not matter.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Origins whose pages may call this server although they are another site, such as <c>http://overlay.local:8080</c>:
    /// scheme, host and optional port, nothing after. Case and a trailing <c>/</c> do not matter.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>How the user adds a host name, for the refusal message (the CLI names its flag: <c>start it with --allowed-host NAME</c>).</summary>
    public string HowToAllowHost { get; set; } = "add the name to the allowed hosts";

    /// <summary>How the user allows another site's page, for the refusal message (the CLI names its flag).</summary>
    public string HowToAllowOrigin { get; set; } = "add that origin to the allowed origins";
}
