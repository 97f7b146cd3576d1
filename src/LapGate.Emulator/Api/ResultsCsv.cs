using System.Globalization;
using System.Text;
using LapGate.Emulator.Race;

namespace LapGate.Emulator.Api;

/// <summary>
/// A session's results as CSV (RFC 4180, comma, CRLF, UTF-8): one row per controller in finishing order.
/// Times are whole milliseconds; <c>lap_times_ms</c> lists every lap separated by spaces.
/// </summary>
public static class ResultsCsv
{
    /// <summary>The header row's columns.</summary>
    public const string Header = "position,controller,driver,car,laps,best_lap_ms,last_lap_ms,total_ms,gap_ms,gap_laps,pit_stops,winner,lap_times_ms";

    public static string Write(SessionResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var c in results.Controllers)
        {
            var total = c.LapTimes.Sum();
            string[] fields =
            [
                Number(c.Position),
                Number(c.Id),
                Text(c.Driver),
                Text(c.Car),
                Number(c.Laps),
                Number(c.BestLapMs),
                Number(c.LastLapMs),
                c.Laps == 0 ? "" : Number(total),
                Number(c.GapMs),
                Number(c.GapLaps),
                Number(c.PitStops),
                results.WinnerId == c.Id ? "yes" : "",
                string.Join(' ', c.LapTimes.Select(t => Number(t))),
            ];
            csv.AppendJoin(',', fields).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        // A name starting like a formula is not run by a spreadsheet.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
