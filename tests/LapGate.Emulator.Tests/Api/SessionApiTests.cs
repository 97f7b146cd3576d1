namespace LapGate.Emulator.Tests.Api;

public sealed class SessionApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetSessions_AfterTwoRaces_NewestFirstWithWinners()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var first = await RunLapsRaceAsync(emulator);
        await emulator.PostRaceAsync("reset");

        var sessions = (await emulator.Http.GetFromJsonAsync("api/sessions", EmulatorJsonContext.Default.IReadOnlyListSessionSummary))!;

        Assert.Equal([first + 1, first], sessions.Select(s => s.Id));
        Assert.Equal("idle", sessions[0].State);
        Assert.Equal("ended", sessions[1].State);
        Assert.Equal("laps", sessions[1].FinishReason);
        Assert.Equal(2, sessions[1].WinnerId);
        Assert.Equal("Gigi", sessions[1].Winner);
        Assert.Equal(2, sessions[1].Setup.Laps);
        Assert.NotNull(sessions[1].StartedAt);
        Assert.NotNull(sessions[1].EndedAt);
    }

    [Fact]
    public async Task GetSession_Finished_ResultsRebuiltFromStoredLaps()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var id = await RunLapsRaceAsync(emulator);
        await emulator.PostRaceAsync("reset");

        var results = (await emulator.Http.GetFromJsonAsync($"api/sessions/{id}", EmulatorJsonContext.Default.SessionResults))!;

        Assert.Equal(id, results.Id);
        Assert.Equal(2, results.WinnerId);
        Assert.Equal(1, results.DuplicatesIgnored);
        Assert.Equal([2, 1], results.Controllers.Where(c => c.Laps > 0).Select(c => c.Id));
        Assert.Equal([4321, 61_234], results.Find(2)!.LapTimes);
        Assert.Equal([4500], results.Find(1)!.LapTimes);
        Assert.Equal(1, results.Find(1)!.PitStops);
    }

    [Fact]
    public async Task GetResultsCsv_Finished_OneRowPerControllerInFinishingOrder()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var id = await RunLapsRaceAsync(emulator);

        using var response = await emulator.Http.GetAsync($"api/sessions/{id}/results.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"lapgate-session-{id}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = csv.Split("\r\n");
        Assert.Equal(ResultsCsv.Header, lines[0]);
        Assert.Equal("1,2,Gigi,Ferrari 488,2,4321,61234,65555,0,0,0,yes,4321 61234", lines[1]);
        Assert.Equal("2,1,Gigi,BMW M4,1,4500,4500,4500,79,1,1,,4500", lines[2]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task GetResultsJson_Finished_DownloadWithTheSameResults()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var id = await RunLapsRaceAsync(emulator);

        using var response = await emulator.Http.GetAsync($"api/sessions/{id}/results.json");
        var results = await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.SessionResults);

        Assert.Equal($"lapgate-session-{id}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(2, results!.WinnerId);
        Assert.Equal([4321, 61_234], results.Find(2)!.LapTimes);
    }

    [Fact]
    public void ResultsCsv_NamesWithCommasQuotesOrFormulas_Escaped()
    {
        var drivers = new UpdateControllerData([
            new("1", new ControllerInfo("white", "red", "Smith, \"Speedy\"", "=HYPERLINK(1)")),
        ]);
        var results = new LapGate.Emulator.Race.SessionResults(1, DateTimeOffset.UnixEpoch, "ended", LapGate.Emulator.Race.RaceSetup.Open,
            null, null, null, 1,
            [new(1, drivers.Controllers[0].Value.Driver, drivers.Controllers[0].Value.Car, null, null, 1, 5000, 5000, 0, false, 1, 0, 0, 6000, [5000])], 0);

        var row = ResultsCsv.Write(results).Split("\r\n")[1];

        Assert.Equal("1,1,\"Smith, \"\"Speedy\"\"\",'=HYPERLINK(1),1,5000,5000,5000,0,0,0,yes,5000", row);
    }

    /// <summary>A race to 2 laps won by controller 2 (a lap over a minute), controller 1 one lap behind with a pit stop and a duplicate.</summary>
    private static async Task<long> RunLapsRaceAsync(TestEmulator emulator)
    {
        await emulator.PostRaceAsync("setup", """{"mode":"laps","laps":2}""");
        var started = await emulator.PostRaceAsync("start");
        await using var sensor = await emulator.ConnectSensorAsync();
        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogLap(1100, 2));
        await sensor.SendAsync(new AnalogLap(5421, 2));
        await sensor.SendAsync(new AnalogLap(5500, 1));
        await sensor.SendAsync(new AnalogLap(5500, 1));
        await sensor.SendAsync(new AnalogPitEnter(1));
        await sensor.SendAsync(new AnalogLap(66_655, 2));
        await emulator.WaitForRaceAsync(r => r.State == "ended" && r.DuplicatesIgnored == 1 && r.Find(1)?.PitStops == 1);
        return started.Session;
    }
}
