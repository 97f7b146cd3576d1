namespace LapGate.Emulator.Tests.Race;

/// <summary>Free practice, qualifying and race: their finish rules and the lap in progress when the time runs out.</summary>
public sealed class SessionKindTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void Practice_StartOrStop_RefusedWhileLapsCount()
    {
        Assert.True(_engine.Setup(RaceSetup.Practice).Accepted);

        var start = _engine.Start();
        var stop = _engine.Stop();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 4200);

        Assert.False(start.Accepted);
        Assert.Contains("cannot be started or ended", start.Error, StringComparison.Ordinal);
        Assert.False(stop.Accepted);
        Assert.Equal(RaceState.Idle, _engine.State);
        Assert.Equal([3200L], _engine.Snapshot().Find(1)!.LapTimes);
    }

    [Fact]
    public void NewDatabase_BeginsInFreePractice_CountingLapsWithNoSessionListed()
    {
        var now = _engine.Snapshot();

        var lap = _engine.ApplyLap(5, 1000);
        _engine.ApplyLap(5, 3500);

        Assert.Equal(RaceSetup.Practice, now.Setup);
        Assert.Equal("idle", now.State);
        Assert.Equal(RaceSetup.Practice, _store.LoadSession(now.Session)!.Timeline.Setup);
        Assert.Equal(LapResult.FirstCrossing, lap.Result);
        Assert.Equal([2500L], _engine.Snapshot().Find(5)!.LapTimes);
        Assert.Empty(_engine.Sessions());
        Assert.False(_engine.Start().Accepted);
    }

    [Fact]
    public void Restart_RejectedBeforeTheStartAndAfterTheEnd_ReplayedTheSame()
    {
        var before = RunOnFile(first =>
        {
            first.Setup(RaceSetup.Open);
            first.ApplyLap(1, 500);
            first.Start();
            first.ApplyLap(1, 1000);
            first.ApplyLap(1, 4000);
            first.Stop();
            first.ApplyLap(1, 7000);
            first.ApplyLap(2, 7100);
            return first.Snapshot();
        });

        var second = Reopen();
        var after = second.Snapshot();

        Assert.Equal(
            [RejectReasons.BeforeStart, RejectReasons.AfterFinish],
            after.Find(1)!.RejectedLaps.Select(r => r.Reason));
        Assert.Equal(before.Find(1)!.RejectedLaps, after.Find(1)!.RejectedLaps);
        Assert.Equal(before.Find(2)!.RejectedLaps, after.Find(2)!.RejectedLaps);
        Assert.Equal([3000L], after.Find(1)!.LapTimes);
        Assert.Null(after.Find(2)!.LastCrossing);
        Assert.Equal(after.Find(1)!.LapTimes, second.Results(after.Session)!.Find(1)!.LapTimes);
    }

    [Fact]
    public void Practice_ThenRace_PracticeNotListedAndItsLapsNotInTheRace()
    {
        _engine.Setup(RaceSetup.Practice);
        var practice = _engine.Snapshot().Session;
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 4200);

        _engine.Setup(RaceSetup.ForLaps(5));

        var race = _engine.Snapshot();
        Assert.NotEqual(practice, race.Session);
        Assert.Equal(0, race.Find(1)!.Laps);
        Assert.Null(race.Find(1)!.LastCrossing);
        Assert.DoesNotContain(_engine.Sessions(), s => s.Id == practice);
        Assert.Contains(_engine.Sessions(), s => s.Id == race.Session);
    }

    [Fact]
    public void QualifyingByTime_TimeRunsOut_LapInProgressCountsFastestLapWinsLaterCrossingsRejected()
    {
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)) with { Kind = RaceKinds.Qualifying });
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1100);
        _engine.ApplyLap(1, 5000);   // 4000
        _engine.ApplyLap(1, 9000);   // 4000
        _engine.ApplyLap(2, 5000);   // 3900

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(RaceState.Ended, _engine.State);
        Assert.Equal(2, _engine.Snapshot().WinnerId);

        var final = _engine.ApplyLap(1, 12_800); // 3800: the lap in progress still counts
        var after = _engine.ApplyLap(1, 16_000);

        var race = _engine.Snapshot();
        Assert.Equal(LapResult.Counted, final.Result);
        Assert.Equal(LapResult.Rejected, after.Result);
        Assert.Equal(RejectReasons.AfterFinish, after.Rejection!.Reason);
        Assert.Equal(1, race.WinnerId);
        Assert.Equal([1, 2], race.Controllers.Take(2).Select(c => c.Id));
        Assert.Equal(100, race.Find(2)!.GapMs);
        Assert.True(race.Find(1)!.Finished);
        Assert.False(race.Find(2)!.Finished);
    }

    [Fact]
    public void QualifyingByLaps_EveryCarReachesTheCount_EndsWithTheFastestLap()
    {
        _engine.Setup(RaceSetup.ForLaps(2) with { Kind = RaceKinds.Qualifying });
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1500);
        _engine.ApplyLap(1, 4000);   // 3000
        _engine.ApplyLap(1, 7100);   // 3100: car 1 is done
        var extra = _engine.ApplyLap(1, 9000);
        _engine.ApplyLap(2, 4400);   // 2900
        Assert.Equal(RaceState.Running, _engine.State);

        _engine.ApplyLap(2, 7500);   // 3100: car 2 is done, everyone is

        var race = _engine.Snapshot();
        Assert.Equal(LapResult.Rejected, extra.Result);
        Assert.Equal(RejectReasons.AfterFinish, extra.Rejection!.Reason);
        Assert.Equal("ended", race.State);
        Assert.Equal(FinishReasons.Laps, race.FinishReason);
        Assert.Equal(2, race.WinnerId);
        Assert.Equal([3000L, 3100L], race.Find(1)!.LapTimes);
    }

    [Fact]
    public void RaceByTime_TimeRunsOut_EachCarFinishesItsLapMostLapsThenEarliestCrossingWins()
    {
        _engine.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)));
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1200);
        _engine.ApplyLap(1, 5000);
        _engine.ApplyLap(2, 5100);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _engine.Snapshot().WinnerId);

        // Car 2 finishes its lap in progress first: both have 2 laps, car 2 crossed earlier.
        _engine.ApplyLap(2, 8900);
        _engine.ApplyLap(1, 9100);
        var late = _engine.ApplyLap(2, 12_000);

        var race = _engine.Snapshot();
        Assert.Equal(2, race.WinnerId);
        Assert.Equal(FinishReasons.Time, race.FinishReason);
        Assert.Equal(LapResult.Rejected, late.Result);
        Assert.Equal(2, race.Find(2)!.Laps);
        Assert.Equal(1, race.Find(2)!.RejectedCount);
        Assert.Equal(2, _engine.Sessions()[0].WinnerId);
    }

    [Fact]
    public void RaceByLaps_AfterTheWinner_OthersFinishTheirLapThenNothingCounts()
    {
        _engine.Setup(RaceSetup.ForLaps(2));
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1100);
        _engine.ApplyLap(3, 1200);
        _engine.ApplyLap(1, 4000);
        _engine.ApplyLap(1, 7000); // car 1 wins

        var winnerAgain = _engine.ApplyLap(1, 10_000);
        var second = _engine.ApplyLap(2, 4200);   // car 2's lap in progress finishes
        var secondAgain = _engine.ApplyLap(2, 7300);
        var newcomer = _engine.ApplyLap(4, 7400);  // never crossed before the flag

        var race = _engine.Snapshot();
        Assert.Equal(RejectReasons.AfterFinish, winnerAgain.Rejection!.Reason);
        Assert.Equal(LapResult.Counted, second.Result);
        Assert.Equal(RejectReasons.AfterFinish, secondAgain.Rejection!.Reason);
        Assert.Equal(RejectReasons.AfterFinish, newcomer.Rejection!.Reason);
        Assert.Equal(1, race.WinnerId);
        Assert.Equal(2, race.Find(1)!.Laps);
        Assert.Equal(1, race.Find(2)!.Laps);
        Assert.True(race.Find(2)!.Finished);
        Assert.False(race.Find(3)!.Finished);
        Assert.Equal(0, race.Find(4)!.Laps);
    }

    [Fact]
    public void Race_StoppedByHand_LaterCrossingsDoNotCount()
    {
        _engine.Setup(RaceSetup.Open);
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 4000);
        _engine.Stop();

        var after = _engine.ApplyLap(1, 7000);

        Assert.Equal(RejectReasons.AfterFinish, after.Rejection!.Reason);
        Assert.Equal([3000L], _engine.Snapshot().Find(1)!.LapTimes);
    }

    [Fact]
    public void RaceByTime_RestartAfterTheFlag_FinishedCarsStayFinished()
    {
        RunOnFile(first =>
        {
            first.Setup(RaceSetup.ForTime(TimeSpan.FromMinutes(1)) with { Kind = RaceKinds.Qualifying });
            first.Start();
            first.ApplyLap(3, 1000);
            first.ApplyLap(3, 4000);
            _clock.Advance(TimeSpan.FromMinutes(1));
            first.ApplyLap(3, 7500);
            first.ApplyLap(3, 9000);
        });

        var second = Reopen();
        var standing = second.Snapshot().Find(3)!;

        Assert.Equal(RaceKinds.Qualifying, second.Snapshot().Setup.Kind);
        Assert.True(standing.Finished);
        Assert.Equal([3000L, 3500L], standing.LapTimes);
        Assert.Equal(RejectReasons.AfterFinish, Assert.Single(standing.RejectedLaps).Reason);
        Assert.Equal(LapResult.Rejected, second.ApplyLap(3, 12_000).Result);
    }
}
