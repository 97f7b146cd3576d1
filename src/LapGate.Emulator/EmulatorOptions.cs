using System.Net;
using LapGate.Emulator.Faults;
using LapGate.Protocol.Codec;
using LapGate.Web;

namespace LapGate.Emulator;

/// <summary>How <see cref="Hosting.EmulatorServer"/> runs. Call <see cref="Validate"/> (StartAsync does).</summary>
public sealed class EmulatorOptions
{
    /// <summary>The SmartRace Connect default port.</summary>
    public const int DefaultPort = 50780;

    /// <summary>IP address to listen on (or <c>localhost</c>). Anything but loopback is reachable from the network.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>TCP port for WebSocket and HTTP; 0 picks a free port (read it back from the server's URIs).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>A JSON file shaped like <c>update_controller_data</c>'s data; null = six controllers as in the api 7 capture.</summary>
    public string? DriversFile { get; set; }

    /// <summary>The api version the emulator answers (the captures show 6 and 7).</summary>
    public int ApiVersion { get; set; } = 7;

    /// <summary>SQLite file for sessions and laps; null keeps everything in memory. See <see cref="DefaultDatabasePath"/>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Fault switches at start (changeable at run time).</summary>
    public FaultOptions Faults { get; set; } = FaultOptions.None;

    /// <summary>Clock for handshake delays and timestamps of violations.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Largest frame accepted; bigger ones close that client with 1009.</summary>
    public int MaxFrameBytes { get; set; } = ProtocolLimits.MaxFrameBytes;

    /// <summary><c>LocalApplicationData/lapgate/emulator.db</c> (on Linux <c>~/.local/share/lapgate/emulator.db</c>).</summary>
    public static string DefaultDatabasePath
    {
        get
        {
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(root))
            {
                root = Environment.CurrentDirectory;
            }
            return Path.Combine(root, "lapgate", "emulator.db");
        }
    }

    /// <summary>True when <paramref name="bind"/> is a loopback address (or <c>localhost</c>).</summary>
    public static bool IsLoopback(string bind) =>
        string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(bind, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// When set, state-changing HTTP requests (POST under <c>/api/</c>) must carry this token
    /// (<c>Authorization: Bearer TOKEN</c> or <c>X-LapGate-Token</c>). Null: no token needed.
    /// </summary>
    public string? ControlToken { get; set; }

    /// <summary>The default <see cref="HandshakeTimeout"/>: the app and the sensor send api_version at once.</summary>
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaxConnections"/>: the app, a few sensors and bridges, with room to spare.</summary>
    public const int DefaultMaxConnections = 32;

    /// <summary>
    /// Host names the HTTP server answers to besides IP literals, <c>localhost</c> and this machine's name (and <c>NAME.local</c>);
    /// any other <c>Host</c> is answered 400 (against DNS rebinding).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Origins (<c>http://host:port</c>) whose pages may call the API and open the WebSocket although they are another site.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>A WebSocket that has not sent <c>api_version</c> this long after connecting is closed (1008, with the reason).</summary>
    public TimeSpan HandshakeTimeout { get; set; } = DefaultHandshakeTimeout;

    /// <summary>Open WebSocket connections at most; one more is closed at once with 1013 ("try again later") and logged.</summary>
    public int MaxConnections { get; set; } = DefaultMaxConnections;

    /// <summary>The request guards (Host, Origin, JSON-only changes) as the shared web library takes them.</summary>
    internal RequestGuardOptions Guards()
    {
        var guards = new RequestGuardOptions
        {
            HowToAllowHost = "start the emulator with --allowed-host NAME",
            HowToAllowOrigin = "start the emulator with --allow-origin ORIGIN",
        };
        foreach (var host in AllowedHosts)
        {
            guards.AllowedHosts.Add(host);
        }
        foreach (var origin in AllowedOrigins)
        {
            guards.AllowedOrigins.Add(origin);
        }
        return guards;
    }

    /// <summary>Throws <see cref="EmulatorConfigurationException"/> naming the wrong setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Bind) || !(IPAddress.TryParse(Bind, out _) || string.Equals(Bind, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            throw new EmulatorConfigurationException($"--bind: '{Bind}' is not an IP address (use e.g. 127.0.0.1 or 0.0.0.0)");
        }
        if (Port is < 0 or > 65535)
        {
            throw new EmulatorConfigurationException($"--port: {Port} is outside 0..65535");
        }
        if (ApiVersion < 1)
        {
            throw new EmulatorConfigurationException($"--api-version: {ApiVersion} must be a positive number (the app uses 6 or 7)");
        }
        if (MaxFrameBytes < 256)
        {
            throw new EmulatorConfigurationException($"MaxFrameBytes: {MaxFrameBytes} is too small (at least 256)");
        }
        if (DriversFile is not null && !File.Exists(DriversFile))
        {
            throw new EmulatorConfigurationException($"--drivers: file '{DriversFile}' does not exist");
        }
        if (DatabasePath is { Length: 0 })
        {
            throw new EmulatorConfigurationException("--db: the path is empty");
        }
        if (ControlToken is not null && (ControlToken.Length < 8 || ControlToken.Any(char.IsWhiteSpace)))
        {
            throw new EmulatorConfigurationException("--control-token: use at least 8 characters and no spaces");
        }
        if (HandshakeTimeout <= TimeSpan.Zero || HandshakeTimeout > TimeSpan.FromHours(1))
        {
            throw new EmulatorConfigurationException($"--handshake-timeout: {HandshakeTimeout.TotalSeconds:0.###} s must be more than 0 and at most 3600 s");
        }
        if (MaxConnections is < 1 or > 10_000)
        {
            throw new EmulatorConfigurationException($"--max-connections: {MaxConnections} must be between 1 and 10000");
        }
        if (new RequestGuardOptionsValidator().Validate(null, Guards()) is { Failed: true } guards)
        {
            throw new EmulatorConfigurationException(string.Join("; ", guards.Failures));
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (Faults is null)
        {
            throw new EmulatorConfigurationException("Faults must not be null (use FaultOptions.None)");
        }
        Faults.Validate();
    }
}
