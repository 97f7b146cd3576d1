namespace LapGate.Sensor.Tests.Support;

/// <summary>
/// The system clock with a monotonic offset the test moves forward: timers and delays run in real time (so a
/// real WebSocket link works), while a test can make "seconds pass" between two edges without waiting.
/// </summary>
public sealed class OffsetTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override long TimestampFrequency => System.TimestampFrequency;

    public override long GetTimestamp() => System.GetTimestamp() + Interlocked.Read(ref _offsetTicks);

    /// <summary>Moves the monotonic clock forward by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) =>
        Interlocked.Add(ref _offsetTicks, (long)(by.TotalSeconds * System.TimestampFrequency));
}
