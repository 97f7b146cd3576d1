namespace LapGate.Sensor.Filtering;

/// <summary>
/// Per-lane minimum lap time: a finish-line pass sooner than <c>minimum</c> after the lane's last accepted lap
/// is a false trigger (a second car part, a hand, a double gate). Fed with lanes and lap times in ms; not
/// thread-safe. <see cref="MinimumGapFilter.Clear"/> forgets every lane (after the app reset its event).
/// </summary>
public sealed class MinLapFilter(TimeSpan minimum) : MinimumGapFilter(minimum, TimeSpan.FromMilliseconds(1))
{
    /// <summary>The last accepted lap time of a lane, if any.</summary>
    public long? LastLap(int lane) => LastAccepted(lane);

    private protected override bool TooSoon(long sinceLast) => sinceLast < Gap;
}
