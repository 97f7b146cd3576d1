using LapGate.Emulator.Race;
using LapGate.Protocol.Formatting;

namespace LapGate.Emulator.Api;

/// <summary>
/// A session's results as CSV (RFC 4180, comma, CRLF, UTF-8): one row per controller in finishing order.
/// Times are whole milliseconds; <c>lap_times_ms</c> lists every lap separated by spaces. When laps were
/// rejected, a second table follows after an empty line: its own header (<see cref="RejectedHeader"/>) and
/// one row per rejected crossing, by controller in finishing order, then oldest first.
/// </summary>
public static class ResultsCsv
{
    /// <summary>The header row's columns.</summary>
    public const string Header = "position,controller,driver,car,laps,best_lap_ms,last_lap_ms,total_ms,gap_ms,gap_laps,pit_stops,winner,lap_times_ms";

    /// <summary>The header of the rejected laps table (only written when a lap was rejected).</summary>
    public const string RejectedHeader = "rejected_controller,driver,car,crossing_timestamp_ms,lap_ms,reason,limit_ms,why";

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
        WriteRejected(csv, results);
        return csv.ToString();
    }

    private static void WriteRejected(StringBuilder csv, SessionResults results)
    {
        if (!results.Controllers.Any(c => c.RejectedLaps.Count > 0))
        {
            return;
        }
        csv.Append("\r\n").Append(RejectedHeader).Append("\r\n");
        foreach (var c in results.Controllers)
        {
            foreach (var r in c.RejectedLaps)
            {
                string[] fields =
                [
                    Number(c.Id),
                    Text(c.Driver),
                    Text(c.Car),
                    Number(r.Timestamp),
                    r.LapMs > 0 ? Number(r.LapMs) : "",
                    r.Reason,
                    r.Reason is RejectReasons.TooShort or RejectReasons.TooLong ? Number(r.LimitMs) : "",
                    Text(Why(r)),
                ];
                csv.AppendJoin(',', fields).Append("\r\n");
            }
        }
    }

    /// <summary>The reason in words, as the dashboard says it (<c>rejectReason</c> in format.js).</summary>
    private static string Why(RejectedLap rejected) => rejected.Reason switch
    {
        RejectReasons.BeforeStart => "before the start",
        RejectReasons.TooShort => $"at or below the minimum ({LapTimeText.Format(rejected.LimitMs)})",
        RejectReasons.TooLong => $"above the maximum ({LapTimeText.Format(rejected.LimitMs)})",
        RejectReasons.AfterFinish => "after the finish",
        _ => rejected.Reason,
    };

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
