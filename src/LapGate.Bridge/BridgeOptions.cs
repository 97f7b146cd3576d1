using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace LapGate.Bridge;

/// <summary>Settings of <see cref="BridgeServer"/>. <see cref="BridgeOptionsValidator"/> checks them (StartAsync does).</summary>
public sealed class BridgeOptions
{
    /// <summary>Where clients connect: <c>HOST:PORT</c> (an IP, <c>localhost</c> or <c>*</c>; port 0 picks a free port).</summary>
    public string Listen { get; set; } = "127.0.0.1:50781";

    /// <summary>The app's WebSocket (<c>ws://</c> or <c>wss://</c>). The only address the bridge ever connects to.</summary>
    public Uri? Upstream { get; set; }

    /// <summary>A JSONL capture file to create (must not exist yet), or null for none.</summary>
    public string? CapturePath { get; set; }

    /// <summary>Where each frame is printed live (pretty JSON), or null for no printing.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Clock for capture times, timeouts and offsets.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long to wait for the upstream WebSocket handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the second side gets to finish its close handshake once the first side closed.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest message forwarded (fragments are joined); bigger ones close both sides with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Capacity of the queue between the connections and the one capture/print writer.</summary>
    public int RecorderCapacity { get; set; } = 10_000;

    /// <summary>Reads <c>HOST:PORT</c> into an endpoint; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static IPEndPoint ParseListen(string? listen) =>
        TryParseListen(listen, out var endpoint, out var problem) ? endpoint : throw new ArgumentException(problem, nameof(listen));

    /// <summary>Reads <c>HOST:PORT</c> into an endpoint, or says what is wrong (starting with <c>Listen</c>).</summary>
    public static bool TryParseListen(string? listen, [NotNullWhen(true)] out IPEndPoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(listen))
        {
            problem = "Listen is required, e.g. 127.0.0.1:50781";
            return false;
        }
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || colon == listen.Length - 1)
        {
            problem = $"Listen '{listen}' must be HOST:PORT, e.g. 127.0.0.1:50781";
            return false;
        }
        var host = listen[..colon].Trim('[', ']');
        var portText = listen[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            problem = $"Listen '{listen}': port '{portText}' must be a number from 0 to 65535";
            return false;
        }
        IPAddress? address;
        if (host == "*")
        {
            address = IPAddress.Any;
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address))
        {
            problem = $"Listen '{listen}': host '{host}' must be an IP address, localhost or *";
            return false;
        }
        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
