namespace LapGate.Emulator.Race;

// Race state commands (the RaceStateMachine does them under the lock; their states are raised here after it).
public sealed partial class RaceEngine
{
    /// <summary>
    /// Sets the session type and how it finishes: while idle (free practice, or a qualifying or race not
    /// started yet) or ended (leaving the results for the next session); refused while a session runs
    /// (stop it first). Switching between free practice and a qualifying or race, or setting up after an
    /// end, starts a new session, so practice laps never end up in a qualifying's or race's results.
    /// Setting up <see cref="RaceSetup.Practice"/> is going back to free practice.
    /// </summary>
    public RaceCommandResult Setup(RaceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(setup));
        }
        return Command(() => _race.SetUp(setup, s => _tracks.Missing(s.TrackId)));
    }

    /// <summary>idle → running, or suspended → running as <see cref="Resume"/> (accepted and unchanged when already running; refused when ended: reset first).</summary>
    public RaceCommandResult Start() => State == RaceState.Suspended ? Resume() : Command(_race.Start);

    /// <summary>
    /// running → suspended: laps still count, a timed race's clock stops, nobody can win until it
    /// resumes (accepted and unchanged when already suspended; refused otherwise).
    /// </summary>
    public RaceCommandResult Suspend() => Command(_race.Suspend);

    /// <summary>
    /// suspended → running; a timed race's end moves by the suspension. A car that reached the lap
    /// count while suspended wins now (accepted and unchanged when running; refused otherwise).
    /// </summary>
    public RaceCommandResult Resume() => Command(_race.Resume);

    /// <summary>running or suspended → ended, the leader shown as winner; starting → idle (the countdown is called off) (accepted and unchanged when already ended; refused when idle).</summary>
    public RaceCommandResult Stop() => Command(_race.Stop);

    /// <summary>Any state → idle with empty standings, in a new session with the same setup (the old one stays in the database).</summary>
    public RaceCommandResult Reset() => Command(_race.Reset);

    /// <summary>Runs a command under the lock; when it changed something, raises the states it went through, then <see cref="Changed"/>.</summary>
    private RaceCommandResult Command(Func<RaceTransition> command)
    {
        RaceTransition done;
        lock (_lock)
        {
            done = command();
        }
        if (done.Result.Changed)
        {
            foreach (var state in done.Passed)
            {
                RaiseStateChanged(state);
            }
            RaiseChanged();
        }
        return done.Result;
    }
}
