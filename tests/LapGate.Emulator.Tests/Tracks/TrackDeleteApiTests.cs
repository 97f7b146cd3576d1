namespace LapGate.Emulator.Tests.Tracks;

/// <summary><c>POST /api/tracks/{id}/delete</c> over the real HTTP API, on a SQLite file.</summary>
public sealed class TrackDeleteApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostDelete_PastSessionOnIt_200TracksLeftAndTheSessionKeepsItsNameAfterARestart()
    {
        using var db = new TestDatabase("tracks.db");
        long session;
        await using (var emulator = await db.StartEmulatorAsync(output))
        {
            var home = emulator.Race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
            var attic = emulator.Race.SaveTrack(new TrackInput(null, "Attic"), out _)!;
            await emulator.PostOkAsync("api/race/setup", $$"""{"mode":"open","track":{{home.Id}}}""");
            await emulator.PostOkAsync("api/race/start");
            emulator.Race.ApplyLap(1, 1000);
            emulator.Race.ApplyLap(1, 5000);
            session = (await emulator.GetRaceAsync()).Session;
            await emulator.PostOkAsync("api/race/reset");
            await emulator.PostOkAsync("api/race/setup", """{"mode":"open"}""");

            using var response = await emulator.PostAsync($"api/tracks/{home.Id}/delete");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var left = (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.IReadOnlyListTrack))!;
            Assert.Equal([attic.Id], left.Select(t => t.Id));
        }

        await using var again = await db.StartEmulatorAsync(output);
        var results = (await again.Http.GetFromJsonAsync($"api/sessions/{session}", EmulatorJsonContext.Default.SessionResults))!;
        var listed = (await again.Http.GetFromJsonAsync("api/sessions", EmulatorJsonContext.Default.IReadOnlyListSessionSummary))!;
        Assert.Equal("Home ring", results.TrackName);
        Assert.Equal("Home ring", listed.Single(s => s.Id == session).TrackName);
        Assert.Equal([4000L], results.Find(1)!.LapTimes);
        Assert.Equal(["Attic"], (await again.Http.GetFromJsonAsync("api/tracks", EmulatorJsonContext.Default.IReadOnlyListTrack))!.Select(t => t.Name));
    }

    [Fact]
    public async Task PostDelete_TrackOfTheCurrentSession_409SaysWhyAndKeepsIt()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var home = emulator.Race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        await emulator.PostOkAsync("api/race/setup", $$"""{"mode":"open","track":{{home.Id}}}""");

        using var response = await emulator.PostAsync($"api/tracks/{home.Id}/delete");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.StartsWith($"POST /api/tracks/{home.Id}/delete: \"Home ring\" is the track of the current session", error.Error, StringComparison.Ordinal);
        Assert.NotNull(emulator.Race.FindTrack(home.Id));
    }

    [Theory]
    [InlineData("api/tracks/99/delete", HttpStatusCode.NotFound)]
    [InlineData("api/tracks/abc/delete", HttpStatusCode.NotFound)]
    public async Task PostDelete_UnknownTrack_404(string path, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        emulator.Race.SaveTrack(new TrackInput(null, "Home ring"), out _);

        using var response = await emulator.PostAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Single(emulator.Race.ListTracks());
    }

    [Fact]
    public async Task PostDelete_WithoutControlToken_401AndKept()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = "track-night-42");
        var home = emulator.Race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;

        using var response = await emulator.PostAsync($"api/tracks/{home.Id}/delete");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(emulator.Race.FindTrack(home.Id));
    }

    [Fact]
    public async Task GetDelete_NotAPost_NothingDeleted()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var home = emulator.Race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;

        using var response = await emulator.Http.GetAsync($"api/tracks/{home.Id}/delete");

        Assert.False(response.IsSuccessStatusCode);
        Assert.NotNull(emulator.Race.FindTrack(home.Id));
    }
}
