namespace LapGate.Emulator.Tests.Storage;

public sealed class PersistenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Restart_SameDatabase_ShowsTheSameStandings()
    {
        using var db = new TestDatabase("data/emulator.db");
        RaceSnapshot before;
        await using (var first = await db.StartEmulatorAsync(output))
        {
            await using var sensor = await first.ConnectSensorAsync();
            first.SetUpOpenRace();
            await first.PostOkAsync("api/race/start");
            await sensor.SendAsync(new AnalogLap(1_000, 1));
            await sensor.SendAsync(new AnalogLap(5_250, 1));
            await sensor.SendAsync(new AnalogLap(5_250, 1));
            await sensor.SendAsync(new AnalogLap(9_001, 1));
            await sensor.SendAsync(new AnalogLap(2_000, 2));
            await sensor.SendAsync(new AnalogPitEnter(2));
            await first.WaitForRaceAsync(r => r.Find(1)?.Laps == 2 && r.Find(2)?.InPit == true && r.DuplicatesIgnored == 1);
            before = await first.GetRaceAsync();
        }

        await using var second = await db.StartEmulatorAsync(output);
        var after = await second.GetRaceAsync();

        Assert.Equal("running", after.State);
        Assert.Equal(before.Session, after.Session);
        Assert.Equal(1, after.DuplicatesIgnored);
        Assert.Equal([4250, 3751], after.Find(1)!.LapTimes);
        Assert.Equal(3751, after.Find(1)!.BestLapMs);
        Assert.Equal(1, after.Find(2)!.PitStops);
        Assert.True(after.Find(2)!.InPit);
        Assert.Equal(before.Controllers.Select(c => (c.Id, c.Laps, c.LastLapMs, c.Position, c.GapMs)),
            after.Controllers.Select(c => (c.Id, c.Laps, c.LastLapMs, c.Position, c.GapMs)));

        // The race goes on from where it was.
        await using var sensorAgain = await second.ConnectSensorAsync();
        await sensorAgain.SendAsync(new AnalogLap(12_000, 1));
        var resumed = await second.WaitForRaceAsync(r => r.Find(1)?.Laps == 3);
        Assert.Equal(2999, resumed.Find(1)!.LastLapMs);
    }

    [Fact]
    public async Task Restart_AfterReset_StartsFromTheNewEmptySession()
    {
        using var db = new TestDatabase();
        long session;
        await using (var first = await db.StartEmulatorAsync(output))
        {
            first.Race.ApplyLap(1, 1000);
            first.Race.ApplyLap(1, 2000);
            first.Race.Reset();
            session = first.Race.Snapshot().Session;
        }

        await using var second = await db.StartEmulatorAsync(output);
        var race = await second.GetRaceAsync();

        Assert.Equal(session, race.Session);
        Assert.Equal("idle", race.State);
        Assert.All(race.Controllers, c => Assert.Equal(0, c.Laps));
    }

    [Fact]
    public async Task Database_File_UsesWalAndStoresEachLapAsItArrives()
    {
        using var db = new TestDatabase();
        await using var emulator = await db.StartEmulatorAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        await sensor.SendAsync(new AnalogLap(1000, 3));
        await sensor.SendAsync(new AnalogLap(4000, 3));
        await emulator.WaitForRaceAsync(r => r.Find(3)?.Laps == 1);

        // Read by another connection while the emulator runs.
        using var connection = db.Connect(readOnly: true);
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)mode.ExecuteScalar()!);
        using var laps = connection.CreateCommand();
        laps.CommandText = "SELECT timestamp FROM events WHERE kind = 'Lap' AND controller_id = 3 ORDER BY id";
        using var reader = laps.ExecuteReader();
        var stamps = new List<long>();
        while (reader.Read())
        {
            stamps.Add(reader.GetInt64(0));
        }
        Assert.Equal([1000L, 4000L], stamps);
    }

    [Fact]
    public async Task InMemory_TwoEmulators_ShareNothing()
    {
        await using (var first = await TestEmulator.StartAsync(output))
        {
            first.Race.ApplyLap(1, 1000);
            first.Race.ApplyLap(1, 2000);
        }

        await using var second = await TestEmulator.StartAsync(output);

        Assert.All((await second.GetRaceAsync()).Controllers, c => Assert.Null(c.LastCrossing));
    }

    [Fact]
    public async Task StartAsync_DatabaseFolderIsAFile_ConfigurationErrorNamingThePath()
    {
        using var folder = new TempDirectory();
        var blocker = folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var db = Path.Combine(blocker, "emulator.db");

        var message = await TestEmulator.StartRefusedAsync(output, o => o.DatabasePath = db);

        Assert.Contains(db, message, StringComparison.Ordinal);
    }
}
