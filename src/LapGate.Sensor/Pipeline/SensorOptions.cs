using LapGate.Sensor.Config;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Pipeline;

/// <summary>Everything a <see cref="SensorRunner"/> needs. <see cref="Validate"/> lists every problem.</summary>
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

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Server is null || !Server.IsAbsoluteUri || Server.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"Server \"{Server}\" must be an absolute ws:// or wss:// address");
        }
        if (Config is null)
        {
            errors.Add("Config is required");
        }
        if (string.IsNullOrWhiteSpace(OutboxPath))
        {
            errors.Add("OutboxPath is required");
        }
        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is required");
        }
        if (ChannelCapacity < 1)
        {
            errors.Add("ChannelCapacity must be at least 1");
        }
        if (Link is null)
        {
            errors.Add("Link is required");
        }
        else
        {
            errors.AddRange(Link.Validate());
        }
        return errors;
    }
}
