namespace LapGate.Protocol.Formatting;

/// <summary>
/// Lap times as people at a track read them: <c>4.321</c> under a minute, <c>1:04.321</c> above (as the dashboard
/// shows them); for the sensor's screen, log and status page, the demo and the results CSV.
/// </summary>
public static class LapTimeText
{
    /// <summary>The lap time, or <c>-</c> for none.</summary>
    public static string Format(long? milliseconds)
    {
        if (milliseconds is not { } ms)
        {
            return "-";
        }
        var sign = ms < 0 ? "-" : "";
        ms = Math.Abs(ms);
        var minutes = ms / 60_000;
        var seconds = ms % 60_000 / 1000;
        var millis = ms % 1000;
        return minutes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}:{seconds:00}.{millis:000}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds}.{millis:000}");
    }

    /// <summary>The lap time rounded to the millisecond, or <c>-</c> for none.</summary>
    public static string Format(TimeSpan? time) => Format(time is { } t ? (long)Math.Round(t.TotalMilliseconds) : null);
}
