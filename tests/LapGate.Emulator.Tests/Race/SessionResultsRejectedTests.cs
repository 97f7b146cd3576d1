namespace LapGate.Emulator.Tests.Race;

/// <summary>A past session's results list every rejected lap with its reason and limit (the live board keeps the newest 20).</summary>
public sealed class SessionResultsRejectedTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void Results_MoreRejectedLapsThanTheLiveBoardKeeps_AllListedOldestFirst()
    {
        _engine.Setup(RaceSetup.Open with { MinLapMs = 2000, MaxLapMs = 20_000 });
        _engine.Start();
        _engine.ApplyLap(1, 10_000);
        for (var i = 1; i <= 25; i++)
        {
            _engine.ApplyLap(1, 10_000 + (50 * i));   // 50 .. 1250 ms: too short
        }
        _engine.ApplyLap(1, 40_000);                   // 30 s: too long, the new reference
        _engine.ApplyLap(1, 45_000);                   // 5 s: counted
        var session = _engine.Snapshot().Session;
        Assert.Equal(ControllerRecord.MaxRejectedKept, _engine.Snapshot().Find(1)!.RejectedLaps.Count);
        _engine.Stop();
        _engine.Reset();

        var standing = _engine.Results(session)!.Find(1)!;

        Assert.Equal([5000L], standing.LapTimes);
        Assert.Equal(26, standing.RejectedCount);
        Assert.Equal(26, standing.RejectedLaps.Count);
        Assert.Equal(new RejectedLap(10_050, 50, RejectReasons.TooShort, 2000), standing.RejectedLaps[0]);
        Assert.Equal(new RejectedLap(11_250, 1250, RejectReasons.TooShort, 2000), standing.RejectedLaps[24]);
        Assert.Equal(new RejectedLap(40_000, 30_000, RejectReasons.TooLong, 20_000), standing.RejectedLaps[25]);
    }

    [Fact]
    public void Results_NothingRejected_EmptyList()
    {
        _engine.Start();
        _engine.ApplyLap(2, 1000);
        _engine.ApplyLap(2, 5000);

        var standing = _engine.Results(_engine.Snapshot().Session)!.Find(2)!;

        Assert.Equal(0, standing.RejectedCount);
        Assert.Empty(standing.RejectedLaps);
    }
}
