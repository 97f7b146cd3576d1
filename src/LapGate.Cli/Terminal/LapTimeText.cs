using System.Globalization;

namespace LapGate.Cli.Terminal;

/// <summary>Lap times as people at a track read them: <c>4.321</c> under a minute, <c>1:04.321</c> above.</summary>
internal static class LapTimeText
{
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

    public static string Format(TimeSpan? time) => Format(time is { } t ? (long)Math.Round(t.TotalMilliseconds) : null);
}
