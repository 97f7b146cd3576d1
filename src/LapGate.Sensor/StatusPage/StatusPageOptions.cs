using System.Globalization;
using System.Net;
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

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.Equals(Bind, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(Bind, out _))
        {
            errors.Add($"\"{Bind}\" is not an IP address (use 0.0.0.0 for the network, 127.0.0.1 for this machine only)");
        }
        if (Port is < 0 or > 65535)
        {
            errors.Add($"port {Port} must be 0..65535");
        }
        var guards = new RequestGuardOptionsValidator().Validate(null, Guards);
        if (guards.Failed)
        {
            errors.AddRange(guards.Failures);
        }
        return errors;
    }

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
        var errors = options.Validate();
        error = errors.Count > 0 ? string.Join("; ", errors) : null;
        return error is null ? options : null;
    }
}
