using System.Net;
using LapGate.Emulator.Faults;
using LapGate.Protocol.Codec;

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
}
