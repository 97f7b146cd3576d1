namespace LapGate.Sensor.Inputs;

/// <summary>
/// Where triggers come from: the line protocol on stdin, the keyboard, the simulator, GPIO pins or a serial
/// microcontroller. A source stamps <see cref="Trigger.HostTimestamp"/> first thing and never blocks on the
/// pipeline; the sequence ends when the input ends (end of stdin, simulator finished).
/// </summary>
public interface ITriggerSource
{
    /// <summary>A short name for logs and the screen, e.g. "stdin".</summary>
    string Name { get; }

    /// <summary>The triggers, in arrival order.</summary>
    IAsyncEnumerable<Trigger> ReadAsync(CancellationToken ct);
}
