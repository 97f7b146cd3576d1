using LapGate.Emulator.Tracks;

namespace LapGate.Dashboard.Tests;

/// <summary>Deleting a track on /manage: asked first, refused for the current session's track, past sessions keep its name.</summary>
public sealed class ManageDeleteTests(ITestOutputHelper output) : DashboardTest(output, "/manage")
{
    [Fact]
    public async Task ManagePage_DeleteTrack_OnlyAfterConfirmingAndPastSessionsKeepItsName()
    {
        Dashboard.AllowConsoleError("409");
        var home = Race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        var attic = Race.SaveTrack(new TrackInput(null, "Attic"), out _)!;
        Race.Setup(RaceSetup.Open with { TrackId = home.Id });
        Race.Start();
        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(1, 5_000);
        var session = Race.Snapshot().Session;
        Race.Reset();
        Race.Setup(RaceSetup.Open with { TrackId = attic.Id });
        var accept = false;
        var questions = new List<string>();
        Page.Dialog += async (_, dialog) =>
        {
            lock (questions)
            {
                questions.Add(dialog.Message);
            }
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await Page.ReloadAsync();
        var homeRow = Page.Locator($"#tracks tbody tr[data-track='{home.Id}']");
        await Expect(homeRow.Locator(".record")).ToHaveTextAsync("4.000");

        await homeRow.GetByRole(AriaRole.Button, new() { Name = "Delete Home ring" }).ClickAsync();
        await Expect(Page.Locator("#tracks tbody tr")).ToHaveCountAsync(2);
        Assert.NotNull(Race.FindTrack(home.Id));

        accept = true;
        await homeRow.GetByRole(AriaRole.Button, new() { Name = "Delete Home ring" }).ClickAsync();
        await Expect(Page.Locator("#track-message")).ToHaveTextAsync("Deleted Home ring.");
        await Expect(Page.Locator("#tracks tbody tr")).ToHaveCountAsync(1);
        Assert.Null(Race.FindTrack(home.Id));

        await Page.Locator($"#tracks tbody tr[data-track='{attic.Id}'] button.delete").ClickAsync();
        await Expect(Page.Locator("#track-message")).ToContainTextAsync("\"Attic\" is the track of the current session");
        await Expect(Page.Locator("#tracks tbody tr")).ToHaveCountAsync(1);
        lock (questions)
        {
            Assert.Equal(
                ["Delete the track \"Home ring\" and its record? Past sessions keep showing its name.",
                 "Delete the track \"Home ring\" and its record? Past sessions keep showing its name.",
                 "Delete the track \"Attic\"? Past sessions keep showing its name."],
                questions);
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardPage.ArtifactPath("manage-delete.png"), FullPage = true });
        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, $"/sessions/{session}").ToString());
        await Expect(Page.Locator("#result-title")).ToHaveTextAsync($"Session #{session} · open race (no finish) · Home ring");
        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, "/sessions").ToString());
        await Expect(Page.Locator($"#sessions tbody tr[data-session='{session}']")).ToContainTextAsync("open race (no finish) · Home ring");
    }
}
