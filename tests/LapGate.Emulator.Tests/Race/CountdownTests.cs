namespace LapGate.Emulator.Tests.Race;

/// <summary>A start countdown: start goes through the app's "starting" before "running".</summary>
public sealed class CountdownTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void Start_WithCountdown_StartingThenRunningOnTheClockAndTheTimedRaceCountsFromThere()
    {
        var states = RecordStates();
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)) with { CountdownMs = 5000 });

        Assert.Equal(RaceState.Starting, _engine.Start().State);
        Assert.Equal("starting", _engine.Snapshot().State);
        Assert.Equal("starting", RaceState.Starting.ToEventStatus());
        _clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Equal(RaceState.Starting, _engine.State);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(RaceState.Running, _engine.State);
        Assert.Equal(_clock.GetUtcNow(), _engine.Snapshot().StartedAt);
        Assert.Equal(60_000, _engine.Snapshot().RemainingMs);
        Assert.Equal([RaceState.Starting, RaceState.Running], states);
    }

    [Fact]
    public void Stop_DuringTheCountdown_BackToIdleAndTheTimerDoesNothing()
    {
        _engine.Setup(RaceSetup.ForLaps(5) with { CountdownMs = 3000 });
        _engine.Start();

        var stop = _engine.Stop();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(RaceState.Idle, stop.State);
        Assert.Equal(RaceState.Idle, _engine.State);
        Assert.Null(_engine.Snapshot().StartedAt);
        Assert.False(_engine.Stop().Accepted);
    }

    [Fact]
    public void ApplyLap_DuringTheCountdown_RejectedAsBeforeTheStartAndTheFirstLapIsMeasuredFromAfterIt()
    {
        _engine.Setup(RaceSetup.ForLaps(5) with { CountdownMs = 3000 });
        _engine.Start();

        var jumped = _engine.ApplyLap(4, 1000);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var first = _engine.ApplyLap(4, 4000);
        var lap = _engine.ApplyLap(4, 7100);

        Assert.Equal(RejectReasons.BeforeStart, jumped.Rejection!.Reason);
        Assert.Equal(LapResult.FirstCrossing, first.Result);
        Assert.Equal(3100, lap.LapMs);
        Assert.Equal(1, _engine.Snapshot().Find(4)!.RejectedCount);
    }

    [Fact]
    public void Setup_CountdownOverAMinute_Invalid()
    {
        Assert.Contains("start countdown", (RaceSetup.Open with { CountdownMs = 60_001 }).Problem(), StringComparison.Ordinal);
    }
}
