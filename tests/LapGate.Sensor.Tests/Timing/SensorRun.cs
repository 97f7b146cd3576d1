namespace LapGate.Sensor.Tests.Timing;

/// <summary>One run of a sensor process for the clock tests: the outbox file opened, a fresh host clock, a device clock on the store.</summary>
internal sealed class SensorRun : IDisposable
{
    private readonly SqliteOutbox _outbox;
    private readonly HostClock _host;

    public SensorRun(string outboxPath, FakeTimeProvider time, string source = "serial:/dev/ttyUSB0")
    {
        _outbox = SqliteOutbox.Open(outboxPath, time);
        _host = new HostClock(time);
        Clock = new DeviceClock(new OutboxClockStore(_outbox, source), source);
    }

    public DeviceClock Clock { get; }

    /// <summary>A trigger with device time <paramref name="raw"/> arriving now: its event time in epoch ms.</summary>
    public long Stamp(long raw) => Clock.ToEpochMillis(raw % DeviceClock.WrapMicros, _host.ToEpochMicros(_host.GetTimestamp()));

    public void Dispose() => _outbox.Dispose();
}
