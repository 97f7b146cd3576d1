namespace LapGate.Emulator.Tests.Race;

/// <summary>Race setup and the finish (laps reached, time up, stopped) on the engine, with a fake clock.</summary>
public sealed class RaceFinishTests() : EngineTest(new DateTimeOffset(2024, 8, 4, 12, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void ApplyLap_LapsRaceReachesCount_EndsWithThatControllerAsWinner()
    {
        var states = RecordStates();
        _engine.Setup(RaceSetup.ForLaps(2));
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1100);
        _engine.ApplyLap(1, 5000);
        _engine.ApplyLap(2, 5050);
        Assert.Equal(RaceState.Running, _engine.State);

        _clock.Advance(TimeSpan.FromSeconds(9));
        _engine.ApplyLap(2, 9000);

        var race = _engine.Snapshot();
        Assert.Equal("ended", race.State);
        Assert.Equal(FinishReasons.Laps, race.FinishReason);
        Assert.Equal(2, race.WinnerId);
        Assert.Equal(_clock.GetUtcNow(), race.EndedAt);
        Assert.Equal([RaceState.Running, RaceState.Ended], states);
    }

    [Fact]
    public void ApplyLap_LapsReachedWhileIdle_DoesNotEndTheRace()
    {
        _engine.Setup(RaceSetup.ForLaps(1));

        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 5000);

        Assert.Equal(RaceState.Idle, _engine.State);
        Assert.Null(_engine.Snapshot().WinnerId);
    }

    [Fact]
    public void TimeRace_ClockReachesDuration_EndsWithTheLeaderAsWinner()
    {
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(5)));
        Assert.Equal(300_000, _engine.Snapshot().RemainingMs);
        _engine.Start();
        _engine.ApplyLap(3, 1000);
        _engine.ApplyLap(1, 1100);
        _engine.ApplyLap(3, 4000);
        _engine.ApplyLap(1, 4200);
        _engine.ApplyLap(1, 7000);

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var before = _engine.Snapshot();
        Assert.Equal("running", before.State);
        Assert.Equal(1, before.RemainingMs);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMilliseconds(1), before.EndsAt);

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var after = _engine.Snapshot();
        Assert.Equal("ended", after.State);
        Assert.Equal(FinishReasons.Time, after.FinishReason);
        Assert.Equal(1, after.WinnerId);
        Assert.Equal(0, after.RemainingMs);
    }

    [Fact]
    public void TimeRace_StoppedBeforeTheEnd_TimerDoesNotEndItAgain()
    {
        var ends = 0;
        _engine.StateChanged += (_, s) => ends += s == RaceState.Ended ? 1 : 0;
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)));
        _engine.Start();
        _engine.ApplyLap(2, 1000);
        _engine.ApplyLap(2, 3000);

        _engine.Stop();
        _clock.Advance(TimeSpan.FromMinutes(2));

        var race = _engine.Snapshot();
        Assert.Equal(FinishReasons.Stopped, race.FinishReason);
        Assert.Equal(2, race.WinnerId);
        Assert.Equal(1, ends);
    }

    [Fact]
    public void Stop_WithoutLaps_EndsWithoutWinner()
    {
        _engine.Setup(RaceSetup.Open);
        _engine.Start();

        _engine.Stop();

        Assert.Equal(FinishReasons.Stopped, _engine.Snapshot().FinishReason);
        Assert.Null(_engine.Snapshot().WinnerId);
    }

    [Fact]
    public void Setup_WhileRunning_RefusedAndUnchanged()
    {
        _engine.Setup(RaceSetup.ForLaps(10));
        _engine.Start();

        var running = _engine.Setup(RaceSetup.ForLaps(3));

        Assert.False(running.Accepted);
        Assert.Contains("stop it", running.Error, StringComparison.Ordinal);
        Assert.Equal(RaceSetup.ForLaps(10), _engine.Snapshot().Setup);
        Assert.Equal(RaceState.Running, _engine.State);
    }

    [Fact]
    public void Setup_AfterTheEnd_NewSessionAndTheEndedOneKeepsItsResult()
    {
        var states = new List<RaceState>();
        _engine.Setup(RaceSetup.ForLaps(1));
        _engine.Start();
        _engine.ApplyLap(2, 1000);
        _engine.ApplyLap(2, 3000);
        var ended = _engine.Snapshot();
        _engine.StateChanged += (_, s) => states.Add(s);

        var next = _engine.Setup(RaceSetup.ForLaps(3));

        Assert.True(next.Accepted);
        var fresh = _engine.Snapshot();
        Assert.Equal("idle", fresh.State);
        Assert.NotEqual(ended.Session, fresh.Session);
        Assert.Equal(RaceSetup.ForLaps(3), fresh.Setup);
        Assert.All(fresh.Controllers, c => Assert.Null(c.LastCrossing));
        Assert.Equal([RaceState.Idle], states);
        Assert.Equal(2, Assert.Single(_engine.Sessions(), s => s.Id == ended.Session).WinnerId);
    }

    [Fact]
    public void Setup_Invalid_Throws()
    {
        Assert.Throws<ArgumentException>(() => _engine.Setup(RaceSetup.ForLaps(0)));
        Assert.Throws<ArgumentException>(() => _engine.Setup(new RaceSetup("sprint")));
    }

    [Fact]
    public void Reset_AfterAFinish_NewSessionKeepsTheSetupAndClearsTheResult()
    {
        _engine.Setup(RaceSetup.ForLaps(1));
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 2000);
        var finished = _engine.Snapshot();

        _engine.Reset();

        var fresh = _engine.Snapshot();
        Assert.Equal(finished.Session + 1, fresh.Session);
        Assert.Equal(RaceSetup.ForLaps(1), fresh.Setup);
        Assert.Null(fresh.WinnerId);
        Assert.Null(fresh.FinishReason);
        Assert.Null(fresh.StartedAt);
        var stored = Assert.Single(_engine.Sessions(), s => s.Id == finished.Session);
        Assert.Equal(1, stored.WinnerId);
        Assert.Equal("Gigi", stored.Winner);
    }

    [Fact]
    public void TimeRace_RestartedMidRace_KeepsItsClock()
    {
        RunOnFile(first =>
        {
            first.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(2)));
            first.Start();
            first.ApplyLap(1, 1000);
            first.ApplyLap(1, 2500);
        });
        _clock.Advance(TimeSpan.FromMinutes(1));

        var second = Reopen();
        Assert.Equal(60_000, second.Snapshot().RemainingMs);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(FinishReasons.Time, second.Snapshot().FinishReason);
        Assert.Equal(1, second.Snapshot().WinnerId);
    }

    [Fact]
    public void TimeRace_ExpiredWhileTheEmulatorWasDown_EndsWhenLoaded()
    {
        RunOnFile(first =>
        {
            first.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)));
            first.Start();
        });
        _clock.Advance(TimeSpan.FromMinutes(3));

        var second = Reopen();

        Assert.Equal("ended", second.Snapshot().State);
        Assert.Equal(FinishReasons.Time, second.Snapshot().FinishReason);
    }
}
