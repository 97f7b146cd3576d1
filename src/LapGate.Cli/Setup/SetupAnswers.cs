using LapGate.Sensor.Config;

namespace LapGate.Cli.Setup;

/// <summary>The answers given as <c>lapgate setup</c> flags; the wizard asks for the rest (or, without a terminal, says which flag is missing).</summary>
internal sealed record SetupAnswers
{
    /// <summary>The config file the service reads.</summary>
    public const string DefaultOutput = "/etc/lapgate/sensor.json";

    /// <summary><c>--server</c>: the address Smartrace Connect shows.</summary>
    public string? Server { get; init; }

    /// <summary><c>--no-probe</c>: do not check the address (the tablet is not here yet).</summary>
    public bool NoProbe { get; init; }

    /// <summary><c>--input</c>: gpio[:CHIP], serial:PATH[@BAUD] or keyboard.</summary>
    public string? Input { get; init; }

    /// <summary><c>--lanes</c>: how many lanes to learn.</summary>
    public int? Lanes { get; init; }

    /// <summary><c>--gate</c>: the gates, given instead of learned.</summary>
    public IReadOnlyList<SensorEntry>? Gates { get; init; }

    /// <summary><c>--min-lap-ms</c>.</summary>
    public int? MinLapMs { get; init; }

    /// <summary><c>--debounce-ms</c>.</summary>
    public int? DebounceMs { get; init; }

    /// <summary><c>--output</c>.</summary>
    public string Output { get; init; } = DefaultOutput;

    /// <summary><c>--force</c>: replace an existing file without asking (a backup is still kept).</summary>
    public bool Force { get; init; }
}
