using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>Orders controllers and computes positions and gaps for a <see cref="RaceSnapshot"/>.</summary>
internal static class RaceStandings
{
    public static RaceSnapshot Build(
        RaceState state,
        long session,
        IEnumerable<ControllerRecord> records,
        UpdateControllerData drivers,
        int duplicates,
        IReadOnlyList<Violation> violations,
        bool qualifying = false)
    {
        var byId = records.ToDictionary(r => r.Id);
        // Controllers named in the drivers data are always listed; others once they did something.
        foreach (var (key, _) in drivers.Controllers)
        {
            if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id is >= 1 and <= 8 && !byId.ContainsKey(id))
            {
                byId[id] = new ControllerRecord(id);
            }
        }
        var shown = byId.Values.Where(r => r.IsActive || drivers.Find(r.Id.ToString(CultureInfo.InvariantCulture)) is not null);
        var ordered = qualifying ? OrderByBestLap(shown) : Order(shown);

        var leader = ordered.FirstOrDefault(r => r.Crossings.Count > 0);
        var standings = new List<ControllerStanding>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var info = drivers.Find(r.Id.ToString(CultureInfo.InvariantCulture));
            long? gap = null;
            var gapLaps = 0;
            if (qualifying)
            {
                // Qualifying: behind the fastest single lap.
                var fastest = ordered[0].BestLapMs;
                gap = r.BestLapMs is { } best && fastest is { } top ? best - top : null;
            }
            else if (leader is not null && r.Crossings.Count > 0)
            {
                // Compare with the leader's crossing of the same line count (same sensor clock).
                var index = r.Crossings.Count - 1;
                gap = r.Crossings[index] - leader.Crossings[index];
                gapLaps = leader.LapTimes.Count - r.LapTimes.Count;
            }
            standings.Add(new ControllerStanding(
                r.Id, info?.Driver, info?.Car, info?.Color, info?.BackgroundColor,
                r.LapTimes.Count,
                r.LapTimes.Count == 0 ? null : r.LapTimes[^1],
                r.BestLapMs,
                r.PitStops,
                r.InPit,
                i + 1,
                gap,
                gapLaps,
                r.LastCrossing,
                [.. r.LapTimes])
            {
                RejectedCount = r.RejectedCount,
                RejectedLaps = [.. r.Rejected],
                Finished = r.Finished,
            });
        }
        return new RaceSnapshot(state.ToApi(), session, standings, duplicates, violations);
    }

    /// <summary>The leader now (most laps, then the earliest last crossing), or null when nobody has a completed lap.</summary>
    public static int? LeaderId(IEnumerable<ControllerRecord> records) =>
        Order(records).FirstOrDefault(r => r.LapTimes.Count > 0)?.Id;

    /// <summary>The fastest single lap now (ties: who set it first, then the lower id), or null without laps.</summary>
    public static int? FastestId(IEnumerable<ControllerRecord> records) =>
        OrderByBestLap(records).FirstOrDefault(r => r.BestLapMs is not null)?.Id;

    private static List<ControllerRecord> OrderByBestLap(IEnumerable<ControllerRecord> records) =>
        [.. records
            .OrderBy(r => r.BestLapMs ?? long.MaxValue)
            .ThenBy(r => r.BestLapMs is { } best ? r.Crossings[r.LapTimes.IndexOf(best) + 1] : long.MaxValue)
            .ThenBy(r => r.Id)];

    private static List<ControllerRecord> Order(IEnumerable<ControllerRecord> records) =>
        [.. records
            .OrderByDescending(r => r.LapTimes.Count)
            .ThenByDescending(r => r.Crossings.Count > 0)
            .ThenBy(r => r.LastCrossing ?? long.MaxValue)
            .ThenBy(r => r.Id)];
}
