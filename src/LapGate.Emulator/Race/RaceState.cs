using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>
/// The session's state: idle (free practice, counting every crossing; or a qualifying or race set up and
/// not started) → starting → running ⇄ suspended → ended; reset goes back to idle with a new session,
/// setting up free practice leaves an ended session.
/// </summary>
public enum RaceState
{
    Idle,
    Running,
    Ended,
    /// <summary>Interrupted (the app's "suspended"): laps still count, the clock of a timed race stands still, nobody can win.</summary>
    Suspended,
    /// <summary>The start countdown of a setup with <see cref="RaceSetup.CountdownMs"/> (the app's "starting"); crossings are not counted yet (rejected as before the start).</summary>
    Starting,
}

/// <summary>Names of <see cref="RaceState"/> on the wire and in the database.</summary>
public static class RaceStates
{
    /// <summary><c>idle</c>, <c>running</c> or <c>ended</c> (as in <c>GET /api/race</c>).</summary>
    public static string ToApi(this RaceState state) => state switch
    {
        RaceState.Running => "running",
        RaceState.Ended => "ended",
        RaceState.Suspended => "suspended",
        RaceState.Starting => "starting",
        _ => "idle",
    };

    /// <summary>Parses <see cref="ToApi"/>'s names; anything else is idle.</summary>
    public static RaceState FromApi(string? name) => name switch
    {
        "running" => RaceState.Running,
        "ended" => RaceState.Ended,
        "suspended" => RaceState.Suspended,
        "starting" => RaceState.Starting,
        _ => RaceState.Idle,
    };

    /// <summary>
    /// The <c>update_event_status</c> string broadcast for a state: idle → <c>prepare_for_start</c>,
    /// starting → <c>starting</c>, running → <c>running</c>, suspended → <c>suspended</c>, ended → <c>ended</c>.
    /// </summary>
    public static string ToEventStatus(this RaceState state) => state switch
    {
        RaceState.Running => EventStatus.Running,
        RaceState.Ended => EventStatus.Ended,
        RaceState.Suspended => EventStatus.Suspended,
        RaceState.Starting => EventStatus.Starting,
        _ => EventStatus.PrepareForStart,
    };
}
