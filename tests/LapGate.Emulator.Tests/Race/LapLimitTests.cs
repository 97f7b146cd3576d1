namespace LapGate.Emulator.Tests.Race;

/// <summary>The track's minimum and maximum lap time: rejected laps, their reasons and the reference crossing.</summary>
public sealed class LapLimitTests(ITestOutputHelper output)
{
    private static readonly RaceSetup Limits = RaceSetup.Open with { MinLapMs = 2000, MaxLapMs = 20_000 };

    [Fact]
    public void ApplyLap_AtOrBelowMinimum_RejectedAndNextLapMeasuredFromLastCountedCrossing()
    {
        using var store = new SqliteRaceStore(null);
        using var engine = NewEngine(store);
        engine.Setup(Limits);
        engine.Start();

        engine.ApplyLap(1, 10_000);
        var atMinimum = engine.ApplyLap(1, 12_000);
        var below = engine.ApplyLap(1, 11_500);
        var next = engine.ApplyLap(1, 14_100);

        Assert.Equal(LapResult.Rejected, atMinimum.Result);
        Assert.Equal(new RejectedLap(12_000, 2000, RejectReasons.TooShort, 2000), atMinimum.Rejection);
        Assert.Equal(LapResult.Rejected, below.Result);
        Assert.Equal(1500, below.Rejection!.LapMs);
        Assert.Equal(LapResult.Counted, next.Result);
        Assert.Equal(4100, next.LapMs);
        var standing = engine.Snapshot().Find(1)!;
        Assert.Equal([4100L], standing.LapTimes);
        Assert.Equal(2, standing.RejectedCount);
        Assert.Equal([RejectReasons.TooShort, RejectReasons.TooShort], standing.RejectedLaps.Select(r => r.Reason));
    }

    [Fact]
    public void ApplyLap_AboveMaximum_RejectedAndItBecomesTheReference()
    {
        using var store = new SqliteRaceStore(null);
        using var engine = NewEngine(store);
        engine.Setup(Limits);
        engine.Start();

        engine.ApplyLap(1, 10_000);
        var exactlyMax = engine.ApplyLap(1, 30_000);
        var tooLong = engine.ApplyLap(1, 50_001);
        var next = engine.ApplyLap(1, 54_000);

        Assert.Equal(LapResult.Counted, exactlyMax.Result);
        Assert.Equal(LapResult.Rejected, tooLong.Result);
        Assert.Equal(new RejectedLap(50_001, 20_001, RejectReasons.TooLong, 20_000), tooLong.Rejection);
        Assert.Equal(3999, next.LapMs);
        Assert.Equal([20_000L, 3999L], engine.Snapshot().Find(1)!.LapTimes);
    }

    [Fact]
    public void ApplyLap_ResentRejectedOrCountedCrossing_ExactDuplicateNotRejectedAgain()
    {
        using var store = new SqliteRaceStore(null);
        using var engine = NewEngine(store);
        engine.Setup(Limits);
        engine.Start();

        engine.ApplyLap(1, 10_000);
        engine.ApplyLap(1, 11_000);
        engine.ApplyLap(1, 14_000);

        Assert.Equal(LapResult.Duplicate, engine.ApplyLap(1, 11_000).Result);
        Assert.Equal(LapResult.Duplicate, engine.ApplyLap(1, 14_000).Result);
        var snapshot = engine.Snapshot();
        Assert.Equal(2, snapshot.DuplicatesIgnored);
        Assert.Equal(1, snapshot.Find(1)!.RejectedCount);
        Assert.Equal([4000L], snapshot.Find(1)!.LapTimes);
    }

    [Fact]
    public void Restart_SameStore_RejectedLapsReplayedWithTheirReasons()
    {
        using var folder = new TempDirectory();
        var db = folder.File("limits.db");
        using (var store = new SqliteRaceStore(db))
        using (var engine = NewEngine(store))
        {
            engine.Setup(Limits);
            engine.Start();
            foreach (var t in (long[])[10_000, 11_000, 14_000, 40_000, 43_000])
            {
                engine.ApplyLap(3, t);
            }
        }

        using var reopened = new SqliteRaceStore(db);
        using var again = NewEngine(reopened);
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
        using var folder = new TempDirectory();
        var db = folder.File("old.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, state TEXT NOT NULL, state_at TEXT NOT NULL);
                CREATE TABLE session_races (session_id INTEGER PRIMARY KEY REFERENCES sessions(id), mode TEXT NOT NULL, laps INTEGER NULL,
                    duration_ms INTEGER NULL, started_at TEXT NULL, ended_at TEXT NULL, finish_reason TEXT NULL, winner_id INTEGER NULL);
                INSERT INTO sessions (created_at, state, state_at) VALUES ('2026-11-01T10:00:00.0000000Z', 'idle', '2026-11-01T10:00:00.0000000Z');
                INSERT INTO session_races (session_id, mode, laps) VALUES (1, 'laps', 12);
                """;
            create.ExecuteNonQuery();
        }

        using var store = new SqliteRaceStore(db);
        using var engine = NewEngine(store);

        Assert.Equal(RaceSetup.ForLaps(12), engine.Snapshot().Setup);
        Assert.True(engine.Setup(RaceSetup.ForLaps(12) with { MinLapMs = 1500 }).Accepted);
        Assert.Equal(1500, store.LoadSession(1)!.Timeline.Setup.MinLapMs);
    }

    [Fact]
    public async Task PostSetup_Limits_RejectedLapShownInTheSnapshot()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();

        var response = await PostSetupAsync(emulator, """{"mode":"laps","laps":5,"minLapMs":2000,"maxLapMs":20000}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await emulator.Http.PostAsync("api/race/start", TestEmulator.NoBody())).EnsureSuccessStatusCode();
        await sensor.SendAsync(new AnalogLap(10_000, 2));
        await sensor.SendAsync(new AnalogLap(10_800, 2));
        await sensor.SendAsync(new AnalogLap(13_000, 2));

        var race = await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        Assert.Equal(2000, race.Setup.MinLapMs);
        Assert.Equal(20_000, race.Setup.MaxLapMs);
        Assert.Equal([3000L], race.Find(2)!.LapTimes);
        Assert.Equal(new RejectedLap(10_800, 800, RejectReasons.TooShort, 2000), Assert.Single(race.Find(2)!.RejectedLaps));
        await emulator.Logs.WaitForLineAsync("800 ms not counted (too_short, limit 2000 ms)");
    }

    [Theory]
    [InlineData("""{"mode":"open","minLapMs":-1}""", "the minimum lap time must be 0..3600000 ms (got -1 ms)")]
    [InlineData("""{"mode":"open","maxLapMs":0}""", "the maximum lap time must be 1..3600000 ms (got 0 ms)")]
    [InlineData("""{"mode":"open","minLapMs":5000,"maxLapMs":5000}""", "the maximum lap time (5000 ms) must be more than the minimum (5000 ms)")]
    public async Task PostSetup_BadLimits_400SaysWhatIsWrong(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await PostSetupAsync(emulator, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static RaceEngine NewEngine(SqliteRaceStore store) =>
        new(DriversData.Default, store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero)), NullLogger.Instance);

    private static Task<HttpResponseMessage> PostSetupAsync(TestEmulator emulator, string json) =>
        emulator.Http.PostAsync("api/race/setup", new StringContent(json, Encoding.UTF8, "application/json"));
}
