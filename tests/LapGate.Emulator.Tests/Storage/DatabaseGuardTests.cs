namespace LapGate.Emulator.Tests.Storage;

/// <summary>The emulator's database: one emulator per file, a damaged file refused and kept, API errors in plain words.</summary>
public sealed class DatabaseGuardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_DatabaseInUseByAnotherEmulator_RefusedNamingFileAndPid()
    {
        using var db = new TestDatabase();
        await using var first = await db.StartEmulatorAsync(output);

        var message = await db.StartRefusedAsync(output);

        Assert.Equal($"database {db.Path} is in use by another lapgate emulator (pid {Environment.ProcessId}): stop that one, or start this one with another DatabasePath", message);
        first.Race.ApplyLap(1, 1000);
        Assert.NotNull((await first.GetRaceAsync()).Find(1)?.LastCrossing);
    }

    [Fact]
    public async Task Start_AfterTheFirstStopped_SameDatabaseOpens()
    {
        using var db = new TestDatabase();
        await (await db.StartEmulatorAsync(output)).DisposeAsync();

        await using var second = await db.StartEmulatorAsync(output);

        Assert.Equal("idle", (await second.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Start_DamagedPages_RefusedNamingFileAndWhatToDoAndTheFileIsKept()
    {
        using var db = new TestDatabase();
        await using (var emulator = await db.StartEmulatorAsync(output))
        {
            for (var i = 0; i < 60; i++)
            {
                using var saved = await emulator.PostAsync("api/tracks", $$"""{"name":"Track {{i}} {{new string('x', 40)}}"}""");
                saved.EnsureSuccessStatusCode();
            }
        }
        DamagePages(db.Path);
        var damaged = File.ReadAllBytes(db.Path);

        var message = await db.StartRefusedAsync(output);

        Assert.StartsWith($"database {db.Path} is damaged (", message, StringComparison.Ordinal);
        Assert.Contains("Start with another DatabasePath (or DatabasePath=null); the damaged file is kept as it is", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.Equal(damaged, File.ReadAllBytes(db.Path));
    }

    [Fact]
    public async Task Start_FileThatIsNotADatabase_RefusedAndKept()
    {
        using var db = new TestDatabase();
        await File.WriteAllTextAsync(db.Path, "these are my notes, not a database\n");

        var message = await db.StartRefusedAsync(output);

        Assert.StartsWith($"database {db.Path} is damaged (", message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(db.Path));
    }

    [Fact]
    public async Task Post_DatabaseFailsMidRun_500WithJsonMessage()
    {
        using var db = new TestDatabase();
        await using var emulator = await db.StartEmulatorAsync(output);
        db.Execute("DROP TABLE track_records; DROP TABLE tracks");

        using var response = await emulator.PostAsync("api/tracks", """{"name":"Home"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.StartsWith("POST /api/tracks: the database failed (", error.Error, StringComparison.Ordinal);
        Assert.Contains("no such table", error.Error, StringComparison.Ordinal);
        Assert.Single(emulator.Logs.Errors);
        emulator.ExpectedErrors = 1;
    }

    /// <summary>Random bytes over the start of every page but the first (the header stays, as a torn write would leave it).</summary>
    private static void DamagePages(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var random = new Random(13);
        const int page = 4096;
        Assert.True(bytes.Length > 2 * page, $"the test database is only {bytes.Length} bytes");
        for (var start = page; start + 64 <= bytes.Length; start += page)
        {
            random.NextBytes(bytes.AsSpan(start, 64));
        }
        File.WriteAllBytes(path, bytes);
    }
}
