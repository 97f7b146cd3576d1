using LapGate.Protocol.Validation;
using LapGate.Web;

namespace LapGate.Sensor.StatusPage;

/// <summary>Where the read-only status page listens (<c>lapgate sensor --status HOST:PORT</c>).</summary>
public sealed class StatusPageOptions
{
    /// <summary>The port the packaged systemd unit and the guide use.</summary>
    public const int DefaultPort = 8780;

    /// <summary>The address to listen on: an IP literal (0.0.0.0 for every interface) or localhost.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// The request guards (LapGate.Web): the names the page may be reached by besides IP literals, localhost, this
    /// machine's name and NAME.local, and how the user adds one.
    /// </summary>
    public RequestGuardOptions Guards { get; init; } = new();

    /// <summary>The clock behind the push stream's heartbeat.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    private static readonly Dictionary<string, string> AddressParts = new(StringComparer.Ordinal)
    {
        [nameof(Bind)] = "host",
        [nameof(Port)] = "port",
    };

    /// <summary>
    /// Parses <c>HOST:PORT</c>, <c>[IPv6]:PORT</c>, <c>HOST</c> (port <see cref="DefaultPort"/>) or <c>:PORT</c>
    /// (every interface); null with <paramref name="error"/> when it is not valid.
    /// </summary>
    public static StatusPageOptions? TryParse(string text, RequestGuardOptions guards, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        string host;
        var portText = "";
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? text[1..close] : "";
            portText = close > 0 && close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : "";
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon >= 0 ? text[..colon] : text;
            portText = colon >= 0 ? text[(colon + 1)..] : "";
        }
        if (host.Length == 0)
        {
            host = "0.0.0.0";
        }
        var port = DefaultPort;
        if (portText.Length > 0 && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            error = $"'{portText}' is not a port number (use 0.0.0.0:{DefaultPort} for the network or 127.0.0.1:{DefaultPort} for this machine)";
            return null;
        }
        var options = new StatusPageOptions { Bind = host, Port = port, Guards = guards };
        // The problems name the options' properties; the user wrote a host and a port.
        var problems = StatusPageOptionsValidator.Instance.Validate(null, options).Problems();
        error = problems.Count > 0 ? OptionsValidation.Rename(string.Join("; ", problems), AddressParts) : null;
        return error is null ? options : null;
    }
}
