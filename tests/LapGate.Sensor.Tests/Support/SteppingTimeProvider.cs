namespace LapGate.Sensor.Tests.Support;

/// <summary>A clock whose wall time and monotonic time move independently (to model an NTP step).</summary>
public sealed class SteppingTimeProvider(DateTimeOffset wallClock) : TimeProvider
{
    public DateTimeOffset Wall { get; set; } = wallClock;

    public long Ticks { get; set; } = 1_000_000;

    public override long TimestampFrequency => 1_000_000_000;

    public override DateTimeOffset GetUtcNow() => Wall;

    public override long GetTimestamp() => Ticks;
}
