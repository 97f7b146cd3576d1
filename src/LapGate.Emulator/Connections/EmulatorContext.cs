using LapGate.Emulator.Faults;
using LapGate.Emulator.Race;

namespace LapGate.Emulator.Connections;

/// <summary>What every connection shares: the race, settings, current fault switches, the log.</summary>
internal sealed class EmulatorContext(RaceEngine race, int apiVersion, int maxFrameBytes, TimeProvider timeProvider, ILogger logger, FaultOptions faults)
{
    private FaultOptions _faults = faults;

    public RaceEngine Race { get; } = race;

    public int ApiVersion { get; } = apiVersion;

    public int MaxFrameBytes { get; } = maxFrameBytes;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;

    public ConnectionRegistry Connections { get; } = new();

    /// <summary>How long a connection may stay without sending <c>api_version</c>.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = EmulatorOptions.DefaultHandshakeTimeout;

    /// <summary>Open WebSocket connections at most.</summary>
    public int MaxConnections { get; init; } = EmulatorOptions.DefaultMaxConnections;

    /// <summary>What the caller calls <see cref="MaxConnections"/> (see <see cref="EmulatorOptions.OptionNames"/>), for the hint when it is reached.</summary>
    public string MaxConnectionsName { get; init; } = nameof(EmulatorOptions.MaxConnections);

    /// <summary>The fault switches now (swapped whole, read at each use).</summary>
    public FaultOptions Faults
    {
        get => Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, value);
    }
}
