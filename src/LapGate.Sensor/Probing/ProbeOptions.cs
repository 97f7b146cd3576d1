namespace LapGate.Sensor.Probing;

/// <summary>How <see cref="AppProbe"/> probes.</summary>
public sealed class ProbeOptions
{
    /// <summary>Round-trip samples (each one <c>api_version</c> and its reply), 1..50.</summary>
    public int Samples { get; init; } = 5;

    /// <summary>How long each step may take (connect, each reply).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Also register as the analog sensor (<c>controller_set "Z"</c>). Off by default: a probe must not disturb a race.</summary>
    public bool Register { get; init; }

    /// <summary>Called (synchronously) as each step starts, once its timeout runs: for progress output, and for tests.</summary>
    public Action<ProbeStep>? OnStep { get; init; }

    /// <summary>The clock for timeouts and round trips.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
