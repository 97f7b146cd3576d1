namespace LapGate.Bridge.Events;

/// <summary>Wall-clock time and monotonic milliseconds since a start, from one <see cref="TimeProvider"/>.</summary>
internal sealed class EventClock
{
    private readonly TimeProvider _time;
    private readonly long _start;

    public EventClock(TimeProvider time)
    {
        _time = time;
        _start = time.GetTimestamp();
    }

    public (DateTimeOffset Time, double OffsetMs) Now() =>
        (_time.GetUtcNow(), _time.GetElapsedTime(_start).TotalMilliseconds);
}
