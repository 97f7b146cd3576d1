using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>A session's results: <c>GET /api/sessions/{id}</c> and its JSON export.</summary>
/// <param name="Id">The session id.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="State"><c>idle</c>, <c>running</c> or <c>ended</c>.</param>
/// <param name="Setup">How it finishes.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="FinishReason">One of <see cref="FinishReasons"/>.</param>
/// <param name="WinnerId">The winning controller.</param>
/// <param name="Controllers">
/// Final standings, rebuilt from the stored events (names from the drivers data now). Each lists all its
/// rejected laps (<see cref="ControllerStanding.RejectedLaps"/>, oldest first), not only the newest 20 the live board keeps.
/// </param>
/// <param name="DuplicatesIgnored">Exact duplicate laps ignored in this session.</param>
public sealed record SessionResults(
    long Id,
    DateTimeOffset CreatedAt,
    string State,
    RaceSetup Setup,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? FinishReason,
    int? WinnerId,
    IReadOnlyList<ControllerStanding> Controllers,
    int DuplicatesIgnored)
{
    /// <summary>The name of the managed track it was driven on (kept when the track is deleted), or null.</summary>
    public string? TrackName { get; init; }

    /// <summary>The standing of a controller, or null.</summary>
    public ControllerStanding? Find(int controllerId) => Controllers.FirstOrDefault(c => c.Id == controllerId);

    internal static SessionResults From(StoredSession session, UpdateControllerData drivers)
    {
        var controllers = new SortedDictionary<int, ControllerRecord>();
        var duplicates = 0;
        foreach (var e in session.Events)
        {
            if (e.ControllerId is >= 1 and <= 8 && !controllers.ContainsKey(e.ControllerId))
            {
                // Results list every rejected lap: they are stored events already loaded, so keeping them costs little.
                controllers.Add(e.ControllerId, new ControllerRecord(e.ControllerId, int.MaxValue));
            }
            if (RaceReplay.Apply(controllers, e, session.Timeline.Setup))
            {
                duplicates++;
            }
        }
        var standings = RaceStandings.Build(session.State, session.Id, controllers.Values, drivers, duplicates, [], session.Timeline.Setup.IsQualifying);
        var t = session.Timeline;
        return new SessionResults(session.Id, session.CreatedAt, session.State.ToApi(), t.Setup, t.StartedAt, t.EndedAt, t.FinishReason, t.WinnerId,
            standings.Controllers, duplicates)
        {
            TrackName = session.TrackName,
        };
    }
}
