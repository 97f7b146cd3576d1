using LapGate.Sensor.Config;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Pipeline;

/// <summary>Everything a <see cref="SensorRunner"/> needs. <see cref="SensorOptionsValidator"/> lists every problem.</summary>
public sealed class SensorOptions
{
    /// <summary>The app's WebSocket, e.g. <c>ws://192.168.1.20:50780</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>The validated gate configuration.</summary>
    public required SensorConfig Config { get; init; }

    /// <summary>The SQLite outbox/journal file.</summary>
    public string OutboxPath { get; init; } = DefaultOutboxPath;

    /// <summary>The clock for every timestamp, timeout and delay.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Link timing and retry policy.</summary>
    public LinkOptions Link { get; init; } = new();

    /// <summary>
    /// Capacity of the channel from the filters to the link. Events are already committed to the outbox when
    /// queued (flushed to disk right after); when full, the input waits (backpressure) rather than dropping anything.
    /// </summary>
    public int ChannelCapacity { get; init; } = 65_536;

    /// <summary><c>LocalApplicationData/lapgate/outbox.db</c>.</summary>
    public static string DefaultOutboxPath => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "lapgate", "outbox.db");
}
