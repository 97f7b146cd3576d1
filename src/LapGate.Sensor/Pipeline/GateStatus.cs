namespace LapGate.Sensor.Pipeline;

/// <summary>One pin of the gate strip: a configured gate or button, or a pin that fired without being configured.</summary>
public sealed record GateStatus
{
    /// <summary>The input pin.</summary>
    public required int Pin { get; init; }

    /// <summary>The lane (0 for a START/STOP button or a pin not in the config).</summary>
    public int Lane { get; init; }

    /// <summary>FL, FLPL, PE, PL, START or STOP; null for a pin not in the config.</summary>
    public string? Point { get; init; }

    /// <summary>Times it fired (accepted or not).</summary>
    public int Fired { get; init; }

    /// <summary>When it last fired.</summary>
    public DateTimeOffset? LastTrigger { get; init; }

    /// <summary>Why the last trigger was rejected, in plain words; null when it was accepted (or never fired).</summary>
    public string? LastRejection { get; init; }
}
