using System.Net;

namespace LapGate.Bridge;

/// <summary>Settings of <see cref="BridgeServer"/>. Call <see cref="Validate"/> (done by StartAsync).</summary>
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

    /// <summary>Throws <see cref="ArgumentException"/> saying which setting is wrong and why.</summary>
    public void Validate()
    {
        _ = ParseListen(Listen);
        if (Upstream is null)
        {
            throw new ArgumentException("Upstream is required: the app's address, e.g. ws://192.168.1.20:50780", nameof(Upstream));
        }
        if (!Upstream.IsAbsoluteUri || (Upstream.Scheme != "ws" && Upstream.Scheme != "wss"))
        {
            throw new ArgumentException($"Upstream '{Upstream}' must be an absolute ws:// or wss:// address", nameof(Upstream));
        }
        if (CapturePath is not null && string.IsNullOrWhiteSpace(CapturePath))
        {
            throw new ArgumentException("CapturePath must name a file", nameof(CapturePath));
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ThrowIfNotPositive(ConnectTimeout, nameof(ConnectTimeout));
        ThrowIfNotPositive(CloseTimeout, nameof(CloseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecorderCapacity, 1, nameof(RecorderCapacity));
    }

    /// <summary>Reads <c>HOST:PORT</c> into an endpoint; throws <see cref="ArgumentException"/> naming the problem.</summary>
    public static IPEndPoint ParseListen(string? listen)
    {
        if (string.IsNullOrWhiteSpace(listen))
        {
            throw new ArgumentException("Listen is required, e.g. 127.0.0.1:50781", nameof(listen));
        }
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || colon == listen.Length - 1)
        {
            throw new ArgumentException($"Listen '{listen}' must be HOST:PORT, e.g. 127.0.0.1:50781", nameof(listen));
        }
        var host = listen[..colon].Trim('[', ']');
        var portText = listen[(colon + 1)..];
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Listen '{listen}': port '{portText}' must be a number from 0 to 65535", nameof(listen));
        }
        IPAddress address;
        if (host == "*")
        {
            address = IPAddress.Any;
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address!))
        {
            throw new ArgumentException($"Listen '{listen}': host '{host}' must be an IP address, localhost or *", nameof(listen));
        }
        return new IPEndPoint(address, port);
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        }
    }
}
