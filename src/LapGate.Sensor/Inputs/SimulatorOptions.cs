using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs;

/// <summary>How the <see cref="SimulatedTrack"/> behaves.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Cars, one per lane 1..N (at most 8).</summary>
    public int Cars { get; init; } = 4;

    /// <summary>Stop after the leader completed this many timed laps (the others finish their lap); null = until cancelled.</summary>
    public int? Laps { get; init; }

    /// <summary>Seed for the random numbers: the same seed gives the same race.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Paces the race (and stamps the triggers).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The gates; null = <see cref="SimulatedTrack.CreateConfig"/> for <see cref="Cars"/>.</summary>
    public SensorConfig? Config { get; init; }

    /// <summary>A typical lap time; each car is a little faster or slower.</summary>
    public TimeSpan TypicalLap { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Spread of the cars' pace and of each lap around it (0.05 = ±5 %).</summary>
    public double Spread { get; init; } = 0.05;

    /// <summary>Chance per lap of a pit stop (on lanes that have a PE gate).</summary>
    public double PitProbability { get; init; } = 0.06;

    /// <summary>Chance per gate pass of a false double trigger a few ms later (the debounce rejects it).</summary>
    public double DoubleTriggerProbability { get; init; } = 0.04;

    /// <summary>Time scale: 2 runs the race twice as fast.</summary>
    public double Speed { get; init; } = 1.0;
}
