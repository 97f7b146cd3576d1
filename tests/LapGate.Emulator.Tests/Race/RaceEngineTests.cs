namespace LapGate.Emulator.Tests.Race;

/// <summary>The engine's rules without a network (in-memory SQLite, fake clock).</summary>
public sealed class RaceEngineTests() : EngineTest(new DateTimeOffset(2024, 8, 4, 12, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void ApplyLap_Sequence_ReportsEachOutcome()
    {
        Assert.Equal(LapResult.FirstCrossing, _engine.ApplyLap(1, 1000).Result);
        var lap = _engine.ApplyLap(1, 4321);
        Assert.Equal(LapResult.Counted, lap.Result);
        Assert.Equal(3321, lap.LapMs);
        Assert.Equal(1, lap.Laps);
        Assert.Equal(LapResult.Duplicate, _engine.ApplyLap(1, 4321).Result);
        Assert.Equal(LapResult.Duplicate, _engine.ApplyLap(1, 1000).Result);
        Assert.Equal(LapResult.OutOfOrder, _engine.ApplyLap(1, 3000).Result);
        Assert.Equal(1, _engine.Snapshot().Find(1)!.Laps);
    }

    [Fact]
    public void ApplyLap_SameTimestampOnOtherController_IsNotADuplicate()
    {
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(2, 1000);

        Assert.Equal(0, _engine.Snapshot().DuplicatesIgnored);
    }

    [Fact]
    public void ApplyLap_ControllerOutsideOneToEight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _engine.ApplyLap(0, 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => _engine.ApplyPitEnter(9));
    }

    [Fact]
    public void Changed_OnLapAndState_RaisedEachTime()
    {
        _engine.Setup(RaceSetup.Open);
        var changes = 0;
        var states = new List<RaceState>();
        _engine.Changed += (_, _) => changes++;
        _engine.StateChanged += (_, s) => states.Add(s);

        _engine.ApplyLap(3, 1);
        _engine.Start();
        _engine.Start();
        _engine.Stop();
        _engine.Reset();

        Assert.Equal(4, changes);
        Assert.Equal([RaceState.Running, RaceState.Ended, RaceState.Idle], states);
    }

    [Fact]
    public void AddViolation_Stamped_WithTheClock()
    {
        _clock.Advance(TimeSpan.FromSeconds(90));

        var violation = _engine.AddViolation("c7", ViolationKinds.UnknownType, "x");

        Assert.Equal(new DateTimeOffset(2024, 8, 4, 12, 1, 30, TimeSpan.Zero), violation.At);
        Assert.Equal(violation, Assert.Single(_engine.Snapshot().Violations));
    }

    [Fact]
    public void Snapshot_ControllerNotInDrivers_ListedOnceActive()
    {
        Assert.Null(_engine.Snapshot().Find(7));

        _engine.ApplyPitEnter(7);

        var seven = _engine.Snapshot().Find(7)!;
        Assert.Null(seven.Driver);
        Assert.True(seven.InPit);
        Assert.Null(seven.GapMs);
    }

    [Fact]
    public void PitLeave_WhenNotInPit_ReturnsFalseAndCountsNothing()
    {
        Assert.False(_engine.ApplyPitLeave(2));
        Assert.True(_engine.ApplyPitEnter(2));
        Assert.False(_engine.ApplyPitEnter(2));

        Assert.Equal(1, _engine.Snapshot().Find(2)!.PitStops);
    }
}
