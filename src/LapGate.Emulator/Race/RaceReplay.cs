
namespace LapGate.Emulator.Race;

/// <summary>Rebuilds controller tallies from stored events (the current session at start-up, or a past one for its results).</summary>
internal static class RaceReplay
{
    /// <summary>Applies one stored event; returns true when it was an ignored duplicate.</summary>
    public static bool Apply(IDictionary<int, ControllerRecord> controllers, StoredEvent e, RaceSetup setup)
    {
        if (e.ControllerId is < 1 or > 8)
        {
            return false;
        }
        if (!controllers.TryGetValue(e.ControllerId, out var record))
        {
            record = new ControllerRecord(e.ControllerId);
            controllers.Add(e.ControllerId, record);
        }
        switch (e.Kind)
        {
            case RaceEventKind.Lap or RaceEventKind.FinalLap when e.Timestamp is { } t && record.Classify(t) is LapResult.FirstCrossing or LapResult.Counted:
                record.Add(t);
                record.Finished |= e.Kind == RaceEventKind.FinalLap;
                break;
            case RaceEventKind.AfterFinish when e.Timestamp is { } t && record.Classify(t) is LapResult.Counted or LapResult.FirstCrossing:
                record.Reject(t, RejectReasons.AfterFinish, 0);
                break;
            case RaceEventKind.BeforeStart when e.Timestamp is { } t && record.Classify(t) is LapResult.Counted or LapResult.FirstCrossing:
                record.Reject(t, RejectReasons.BeforeStart, 0);
                break;
            case RaceEventKind.TooShort when e.Timestamp is { } t && record.Classify(t) == LapResult.Counted:
                record.Reject(t, RejectReasons.TooShort, setup.MinLapMs ?? 0);
                break;
            case RaceEventKind.TooLong when e.Timestamp is { } t && record.Classify(t) == LapResult.Counted:
                record.Reject(t, RejectReasons.TooLong, setup.MaxLapMs ?? 0);
                break;
            case RaceEventKind.Duplicate:
                return true;
            case RaceEventKind.PitEnter when !record.InPit:
                record.InPit = true;
                record.PitStops++;
                break;
            case RaceEventKind.PitLeave:
                record.InPit = false;
                break;
        }
        return false;
    }
}
