namespace LapGate.Emulator.Tests.Tracks;

/// <summary>Tracks with their limits and records, kept in SQLite, over the real HTTP API.</summary>
public sealed class TrackApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostTrack_ThenSetupOnIt_LimitsApplyAndTheFastestLapIsTheRecordAcrossSessionsAndRestarts()
    {
        using var db = new TestDatabase("tracks.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        long trackId;
        await using (var emulator = await db.StartEmulatorAsync(output, o => o.TimeProvider = clock))
        {
            var created = await emulator.PostAsync("api/tracks", """{"name":"Home ring","minLapMs":2000,"maxLapMs":30000}""");
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            trackId = (await created.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.Track))!.Id;

            await emulator.PostOkAsync("api/race/setup", $$"""{"kind":"practice","track":{{trackId}}}""");
            var race = await emulator.GetRaceAsync();
            Assert.Equal(2000, race.Setup.MinLapMs);
            Assert.Equal(30_000, race.Setup.MaxLapMs);
            Assert.Equal("Home ring", race.Track!.Name);

            emulator.Race.ApplyLap(1, 10_000);
            emulator.Race.ApplyLap(1, 11_000);   // too short: no record
            emulator.Race.ApplyLap(1, 14_500);   // 4500
            emulator.Race.ApplyLap(2, 10_000);
            emulator.Race.ApplyLap(2, 14_200);   // 4200: the record
            emulator.Race.ApplyLap(2, 19_000);
        }

        await using var again = await db.StartEmulatorAsync(output, o => o.TimeProvider = clock);
        var track = Assert.Single((await again.Http.GetFromJsonAsync("api/tracks", EmulatorJsonContext.Default.IReadOnlyListTrack))!);
        Assert.Equal(new TrackRecord(4200, 2, "Gigi", "Ferrari 488", clock.GetUtcNow(), track.Record!.Session), track.Record);
        Assert.Equal(trackId, track.Id);
    }

    [Theory]
    [InlineData("""{"name":""}""", "\\u0022name\\u0022 must be 1..64 characters")]
    [InlineData("""{"name":"A","minLapMs":5000,"maxLapMs":4000}""", "must be more than the minimum")]
    [InlineData("""{"id":99,"name":"A"}""", "there is no track 99")]
    [InlineData("[1]", "the request body: expected {")]
    [InlineData("""{"name":"A","minLapMs":"1500"}""", "minLapMs: expected a whole number, got the string")]
    public async Task PostTrack_Bad_400SaysWhatIsWrong(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.PostAsync("api/tracks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTrack_NameTakenOrUnknownTrackInSetup_400()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await emulator.PostOkAsync("api/tracks", """{"name":"Home ring"}""");

        var twice = await emulator.PostAsync("api/tracks", """{"name":"Home ring"}""");
        var setup = await emulator.PostAsync("api/race/setup", """{"mode":"open","track":42}""");

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("exists already", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, setup.StatusCode);
        Assert.Contains("there is no track 42", await setup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDrivers_WithoutDriversFile_HandshakeSendsThemAndTheyOutliveARestart()
    {
        using var db = new TestDatabase("drivers.db");
        await using (var emulator = await db.StartEmulatorAsync(output))
        {
            var response = await emulator.PostAsync("api/drivers",
                """[{"controllerId":3,"driver":"Ada","car":"Porsche 917","color":"white","backgroundColor":"rgb(200, 0, 0)"}]""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("managed", (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.DriversView))!.Source);
        }

        await using var again = await db.StartEmulatorAsync(output);
        await using var client = await again.ConnectAsync();
        await client.SendAsync(new ApiVersionRequest());
        var data = Assert.IsType<UpdateControllerData>(await client.ReceiveMessageAsync());
        var only = Assert.Single(data.Controllers);
        Assert.Equal("3", only.Key);
        Assert.Equal(new ControllerInfo("white", "rgb(200, 0, 0)", "Ada", "Porsche 917"), only.Value);
        Assert.Equal("Ada", (await again.GetRaceAsync()).Find(3)!.Driver);
    }

    [Fact]
    public async Task PostDrivers_DriversFileGiven_FileStillWinsManagedKept()
    {
        using var folder = new TempDirectory();
        var file = folder.File("drivers.json");
        await File.WriteAllTextAsync(file, """{"1":{"driver":"Bea","car":"Lancia"}}""");
        await using var emulator = await TestEmulator.StartAsync(output, o => o.DriversFile = file);

        var response = await emulator.PostAsync("api/drivers", """[{"controllerId":1,"driver":"Ada","car":"Porsche 917"}]""");
        var view = (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.DriversView))!;

        Assert.Equal("file", view.Source);
        Assert.Equal("Bea", Assert.Single(view.Controllers).Driver);
        Assert.Equal("Ada", Assert.Single(view.Managed).Driver);
        Assert.Equal("Bea", emulator.Race.Drivers.Find("1")!.Driver);
    }

    [Theory]
    [InlineData("""[{"controllerId":9,"driver":"X"}]""", "controllerId must be 1..8 (got 9)")]
    [InlineData("""[{"controllerId":1},{"controllerId":1}]""", "each controller may be listed once")]
    [InlineData("""{"1":{}}""", "the request body: expected [{")]
    [InlineData("""[{"controllerId":1,"drivr":"X"}]""", "[0]: unknown field")]
    [InlineData("""[null]""", "[0]: expected an object")]
    public async Task PostDrivers_Bad_400SaysWhatIsWrong(string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.PostAsync("api/drivers", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
