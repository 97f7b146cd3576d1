namespace LapGate.Emulator.Tests.Api;

/// <summary>Rejected laps in a session's exports: the JSON lists them per controller, the CSV in a second table.</summary>
public sealed class RejectedLapsExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetResultsCsv_RejectedLaps_SecondTableAfterAnEmptyLineWithReasonsInWords()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var session = RunWithRejectedLaps(emulator.Race);

        using var response = await emulator.Http.GetAsync($"api/sessions/{session}/results.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal(ResultsCsv.Header, lines[0]);
        Assert.Equal("1,1,Gigi,BMW M4,2,3000,4000,7000,0,0,0,yes,3000 4000", lines[1]);
        Assert.Equal("2,2,Gigi,Ferrari 488,2,4100,5000,9100,1100,0,0,,4100 5000", lines[2]);
        // The other controllers of the drivers data follow without laps, then an empty line and the second table.
        var blank = Array.IndexOf(lines, "");
        Assert.All(lines[3..blank], line => Assert.Contains(",Non assegnato,Non assegnato,0,", line, StringComparison.Ordinal));
        Assert.Equal(
            [
                ResultsCsv.RejectedHeader,
                "2,Gigi,Ferrari 488,11500,1500,too_short,2000,at or below the minimum (2.000)",
                "2,Gigi,Ferrari 488,74100,60000,too_long,20000,above the maximum (20.000)",
                "2,Gigi,Ferrari 488,84100,5000,after_finish,,after the finish",
                "",
            ],
            lines[(blank + 1)..]);
    }

    [Fact]
    public async Task GetSession_RejectedLaps_JsonListsEachWithTimestampLapReasonAndLimit()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var session = RunWithRejectedLaps(emulator.Race);

        var results = (await emulator.Http.GetFromJsonAsync($"api/sessions/{session}", EmulatorJsonContext.Default.SessionResults))!;
        var raw = await emulator.Http.GetStringAsync($"api/sessions/{session}/results.json");

        Assert.Equal(
            [
                new RejectedLap(11_500, 1500, RejectReasons.TooShort, 2000),
                new RejectedLap(74_100, 60_000, RejectReasons.TooLong, 20_000),
                new RejectedLap(84_100, 5000, RejectReasons.AfterFinish, 0),
            ],
            results.Find(2)!.RejectedLaps);
        Assert.Equal(3, results.Find(2)!.RejectedCount);
        Assert.Empty(results.Find(1)!.RejectedLaps);
        Assert.Contains("\"rejectedLaps\":[{\"timestamp\":11500,\"lapMs\":1500,\"reason\":\"too_short\",\"limitMs\":2000}", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResultsCsv_CrossingBeforeTheStart_NoLapTimeInItsRow()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var race = emulator.Race;
        race.Setup(RaceSetup.Open);
        race.ApplyLap(3, 500);
        race.Start();
        race.ApplyLap(3, 1000);
        race.ApplyLap(3, 4000);
        race.Stop();

        var csv = await emulator.Http.GetStringAsync($"api/sessions/{race.Snapshot().Session}/results.csv");

        Assert.EndsWith(ResultsCsv.RejectedHeader + "\r\n3,Non assegnato,Non assegnato,500,,before_start,,before the start\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsCsv_NothingRejected_NoSecondTable()
    {
        var results = new SessionResults(1, DateTimeOffset.UnixEpoch, "ended", RaceSetup.Open, null, null, null, null,
            [new(1, "Ada", null, null, null, 1, 5000, 5000, 0, false, 1, 0, 0, 6000, [5000])], 0);

        var csv = ResultsCsv.Write(results);

        Assert.Equal(ResultsCsv.Header + "\r\n1,1,Ada,,1,5000,5000,5000,0,0,0,,5000\r\n", csv);
    }

    /// <summary>
    /// A qualifying over 2 laps with limits 2..20 s: controller 1 is fastest; controller 2 has a too-short and a
    /// too-long crossing on the way, and crosses once more after its finish.
    /// </summary>
    private static long RunWithRejectedLaps(RaceEngine race)
    {
        race.Setup(RaceSetup.ForLaps(2) with { Kind = RaceKinds.Qualifying, MinLapMs = 2000, MaxLapMs = 20_000 });
        race.Start();
        race.ApplyLap(1, 2_000);
        race.ApplyLap(2, 10_000);
        race.ApplyLap(1, 5_000);    // 3 s
        race.ApplyLap(1, 9_000);    // 4 s: finished (controller 2 is still out)
        race.ApplyLap(2, 11_500);   // 1.5 s: too short
        race.ApplyLap(2, 14_100);   // 4.1 s
        race.ApplyLap(2, 74_100);   // 60 s: too long, the new reference
        race.ApplyLap(2, 79_100);   // 5 s: finished, the qualifying ends
        race.ApplyLap(2, 84_100);   // after its finish
        var session = race.Snapshot().Session;
        race.Reset();
        return session;
    }
}
