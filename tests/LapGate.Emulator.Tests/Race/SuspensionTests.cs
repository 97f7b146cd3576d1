namespace LapGate.Emulator.Tests.Race;

/// <summary>A suspended race: laps still count, the clock of a timed race stands still, nobody wins until it resumes.</summary>
public sealed class SuspensionTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void Suspend_TimedRace_ClockStandsStillLapsCountEndMovesByTheSuspension()
    {
        var states = RecordStates();
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)));
        _engine.Start();
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.True(_engine.Suspend().Changed);
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 9000);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var suspended = _engine.Snapshot();
        Assert.Equal("suspended", suspended.State);
        Assert.Equal(40_000, suspended.RemainingMs);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(40), suspended.EndsAt);
        Assert.Equal(1, suspended.Find(1)!.Laps);

        _engine.Resume();
        _clock.Advance(TimeSpan.FromSeconds(40) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(RaceState.Running, _engine.State);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(RaceState.Ended, _engine.State);
        Assert.Equal(FinishReasons.Time, _engine.Snapshot().FinishReason);
        Assert.Equal([RaceState.Running, RaceState.Suspended, RaceState.Running, RaceState.Ended], states);
        Assert.Equal("suspended", RaceState.Suspended.ToEventStatus());
    }

    [Fact]
    public void Suspend_LapCountReachedWhileSuspended_NoWinnerUntilResumeThenTheLeaderWins()
    {
        _engine.Setup(RaceSetup.ForLaps(2));
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1100);
        _engine.ApplyLap(1, 4000);
        _engine.Suspend();

        _engine.ApplyLap(2, 4200);
        _engine.ApplyLap(2, 7000);
        Assert.Equal(RaceState.Suspended, _engine.State);
        Assert.Null(_engine.Snapshot().WinnerId);

        var resumed = _engine.Resume();

        Assert.Equal(RaceState.Ended, resumed.State);
        Assert.Equal(2, _engine.Snapshot().WinnerId);
        Assert.Equal(FinishReasons.Laps, _engine.Snapshot().FinishReason);
    }

    [Fact]
    public void Suspend_WhenNotRunning_RefusedStartResumesStopEnds()
    {
        Assert.False(_engine.Suspend().Accepted);
        Assert.False(_engine.Resume().Accepted);
        _engine.Setup(RaceSetup.Open);
        _engine.Start();
        _engine.Suspend();

        Assert.Equal(RaceState.Running, _engine.Start().State);
        _engine.Suspend();
        Assert.True(_engine.Stop().Accepted);
        Assert.Equal(RaceState.Ended, _engine.State);
        Assert.False(_engine.Suspend().Accepted);
    }

    [Fact]
    public void Restart_WhileSuspended_StaysSuspendedWithItsClock()
    {
        RunOnFile(first =>
        {
            first.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(2)));
            first.Start();
            _clock.Advance(TimeSpan.FromMinutes(1));
            first.Suspend();
        });
        _clock.Advance(TimeSpan.FromMinutes(10));

        var second = Reopen();
        Assert.Equal("suspended", second.Snapshot().State);
        Assert.Equal(60_000, second.Snapshot().RemainingMs);
        second.Resume();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(RaceState.Ended, second.State);
    }
}
