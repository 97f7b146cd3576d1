namespace LapGate.Emulator.Tests.Race;

/// <summary>The track's minimum and maximum lap time: rejected laps, their reasons and the reference crossing.</summary>
public sealed class LapLimitTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero))
{
    private static readonly RaceSetup Limits = RaceSetup.Open with { MinLapMs = 2000, MaxLapMs = 20_000 };

    [Fact]
    public void ApplyLap_AtOrBelowMinimum_RejectedAndNextLapMeasuredFromLastCountedCrossing()
    {
        _engine.Setup(Limits);
        _engine.Start();

        _engine.ApplyLap(1, 10_000);
        var atMinimum = _engine.ApplyLap(1, 12_000);
        var below = _engine.ApplyLap(1, 11_500);
        var next = _engine.ApplyLap(1, 14_100);

        Assert.Equal(LapResult.Rejected, atMinimum.Result);
        Assert.Equal(new RejectedLap(12_000, 2000, RejectReasons.TooShort, 2000), atMinimum.Rejection);
        Assert.Equal(LapResult.Rejected, below.Result);
        Assert.Equal(1500, below.Rejection!.LapMs);
        Assert.Equal(LapResult.Counted, next.Result);
        Assert.Equal(4100, next.LapMs);
        var standing = _engine.Snapshot().Find(1)!;
        Assert.Equal([4100L], standing.LapTimes);
        Assert.Equal(2, standing.RejectedCount);
        Assert.Equal([RejectReasons.TooShort, RejectReasons.TooShort], standing.RejectedLaps.Select(r => r.Reason));
    }

    [Fact]
    public void ApplyLap_AboveMaximum_RejectedAndItBecomesTheReference()
    {
        _engine.Setup(Limits);
        _engine.Start();

        _engine.ApplyLap(1, 10_000);
        var exactlyMax = _engine.ApplyLap(1, 30_000);
        var tooLong = _engine.ApplyLap(1, 50_001);
        var next = _engine.ApplyLap(1, 54_000);

        Assert.Equal(LapResult.Counted, exactlyMax.Result);
        Assert.Equal(LapResult.Rejected, tooLong.Result);
        Assert.Equal(new RejectedLap(50_001, 20_001, RejectReasons.TooLong, 20_000), tooLong.Rejection);
        Assert.Equal(3999, next.LapMs);
        Assert.Equal([20_000L, 3999L], _engine.Snapshot().Find(1)!.LapTimes);
    }

    [Fact]
    public void ApplyLap_ResentRejectedOrCountedCrossing_ExactDuplicateNotRejectedAgain()
    {
        _engine.Setup(Limits);
        _engine.Start();

        _engine.ApplyLap(1, 10_000);
        _engine.ApplyLap(1, 11_000);
        _engine.ApplyLap(1, 14_000);

        Assert.Equal(LapResult.Duplicate, _engine.ApplyLap(1, 11_000).Result);
        Assert.Equal(LapResult.Duplicate, _engine.ApplyLap(1, 14_000).Result);
        var snapshot = _engine.Snapshot();
        Assert.Equal(2, snapshot.DuplicatesIgnored);
        Assert.Equal(1, snapshot.Find(1)!.RejectedCount);
        Assert.Equal([4000L], snapshot.Find(1)!.LapTimes);
    }

    [Fact]
    public void Restart_SameStore_RejectedLapsReplayedWithTheirReasons()
    {
        RunOnFile(engine =>
        {
            engine.Setup(Limits);
            engine.Start();
            foreach (var t in (long[])[10_000, 11_000, 14_000, 40_000, 43_000])
            {
                engine.ApplyLap(3, t);
            }
        });

        var again = Reopen();
        var snapshot = again.Snapshot();
        var standing = snapshot.Find(3)!;

        Assert.Equal(Limits, snapshot.Setup);
        Assert.Equal([4000L, 3000L], standing.LapTimes);
        Assert.Equal(
            [new RejectedLap(11_000, 1000, RejectReasons.TooShort, 2000), new RejectedLap(40_000, 26_000, RejectReasons.TooLong, 20_000)],
            standing.RejectedLaps);
        Assert.Equal(standing.LapTimes, again.Results(snapshot.Session)!.Find(3)!.LapTimes);
    }

    [Fact]
    public void Open_DatabaseWithoutLimitColumns_AddsThemAndKeepsTheSetup()
    {
        using var db = new TestDatabase("old.db");
        db.Execute("""
            CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, state TEXT NOT NULL, state_at TEXT NOT NULL);
            CREATE TABLE session_races (session_id INTEGER PRIMARY KEY REFERENCES sessions(id), mode TEXT NOT NULL, laps INTEGER NULL,
                duration_ms INTEGER NULL, started_at TEXT NULL, ended_at TEXT NULL, finish_reason TEXT NULL, winner_id INTEGER NULL);
            INSERT INTO sessions (created_at, state, state_at) VALUES ('2026-11-01T10:00:00.0000000Z', 'idle', '2026-11-01T10:00:00.0000000Z');
            INSERT INTO session_races (session_id, mode, laps) VALUES (1, 'laps', 12);
            """);

        using var store = new SqliteRaceStore(db.Path);
        using var engine = NewEngine(store);

        Assert.Equal(RaceSetup.ForLaps(12), engine.Snapshot().Setup);
        Assert.True(engine.Setup(RaceSetup.ForLaps(12) with { MinLapMs = 1500 }).Accepted);
        Assert.Equal(1500, store.LoadSession(1)!.Timeline.Setup.MinLapMs);
    }
}
