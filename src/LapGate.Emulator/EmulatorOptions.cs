using System.Net;
using LapGate.Emulator.Faults;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Validation;
using LapGate.Web;

namespace LapGate.Emulator;

/// <summary>How <see cref="Hosting.EmulatorServer"/> runs. <see cref="EmulatorOptionsValidator"/> checks it (StartAsync does).</summary>
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

    /// <summary>
    /// How the emulator's messages name the choice of no database (<see cref="DatabasePath"/> null: in memory), so that a
    /// caller can name it its own way in <see cref="OptionNames"/> (the CLI: <c>--no-db</c>).
    /// </summary>
    public const string NoDatabaseName = nameof(DatabasePath) + "=null";

    /// <summary>What a database that cannot be used asks for instead: another file, or none.</summary>
    internal const string AnotherDatabase = $"another {nameof(DatabasePath)} (or {NoDatabaseName})";

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

    /// <summary>
    /// What the caller calls each option, by property name (the CLI: its flags, <c>MaxConnections</c> → <c>--max-connections</c>).
    /// The hints the emulator gives while it runs (a refused Host or Origin, a connection over the limit) name an option
    /// this way; an option not in it by its property name. Problems found at start name properties, and the caller
    /// renames them with the same map (<see cref="OptionsValidation.Rename"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> OptionNames { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><paramref name="text"/> with each property named as <see cref="OptionNames"/> says.</summary>
    internal string NameOptions(string text) => OptionsValidation.Rename(text, OptionNames);

    /// <summary>The request guards (Host, Origin, JSON-only changes) as the shared web library takes them.</summary>
    internal RequestGuardOptions Guards()
    {
        var guards = new RequestGuardOptions
        {
            HowToAllowHost = NameOptions($"start the emulator with {nameof(AllowedHosts)} NAME"),
            HowToAllowOrigin = NameOptions($"start the emulator with {nameof(AllowedOrigins)} ORIGIN"),
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
}
