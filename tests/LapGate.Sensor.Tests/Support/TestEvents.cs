namespace LapGate.Sensor.Tests.Support;

/// <summary>Builders for the sensor events tests feed the outbox and the link (a global <c>using static</c> of this project).</summary>
public static class TestEvents
{
    /// <summary>A lap on <paramref name="lane"/> at <paramref name="ts"/> (ms), triggered on pin 20 + lane, not numbered yet (id 0).</summary>
    public static SensorEvent Lap(int lane, long ts) => new(0, EventKind.Lap, lane, ts, 20 + lane);
}
