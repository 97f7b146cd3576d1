using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>One session in <c>GET /api/sessions</c>.</summary>
/// <param name="Id">The session id.</param>
/// <param name="CreatedAt">When it was created (by a reset).</param>
/// <param name="State"><c>idle</c>, <c>running</c> or <c>ended</c>.</param>
/// <param name="Setup">How it finishes.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="FinishReason">One of <see cref="FinishReasons"/>.</param>
/// <param name="WinnerId">The winning controller.</param>
/// <param name="Winner">The winner's driver name from the drivers data now.</param>
public sealed record SessionSummary(
    long Id,
    DateTimeOffset CreatedAt,
    string State,
    RaceSetup Setup,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? FinishReason,
    int? WinnerId,
    string? Winner)
{
    /// <summary>The name of the managed track it was driven on (kept when the track is deleted), or null.</summary>
    public string? TrackName { get; init; }

    internal static SessionSummary From(StoredSessionInfo info, UpdateControllerData drivers)
    {
        var t = info.Timeline;
        var winner = t.WinnerId is { } id ? drivers.Find(id.ToString(CultureInfo.InvariantCulture))?.Driver : null;
        return new SessionSummary(info.Id, info.CreatedAt, info.State.ToApi(), t.Setup, t.StartedAt, t.EndedAt, t.FinishReason, t.WinnerId, winner)
        {
            TrackName = info.TrackName,
        };
    }
}
