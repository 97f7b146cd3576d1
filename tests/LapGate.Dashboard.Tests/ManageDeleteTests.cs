using LapGate.Emulator.Tracks;
using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>Deleting a track on /manage: asked first, refused for the current session's track, past sessions keep its name.</summary>
public sealed class ManageDeleteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ManagePage_DeleteTrack_OnlyAfterConfirmingAndPastSessionsKeepItsName()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output, "/manage");
        dashboard.AllowConsoleError("409");
        var race = dashboard.Emulator.Race;
        var home = race.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        var attic = race.SaveTrack(new TrackInput(null, "Attic"), out _)!;
        race.Setup(RaceSetup.Open with { TrackId = home.Id });
        race.Start();
        race.ApplyLap(1, 1_000);
        race.ApplyLap(1, 5_000);
        var session = race.Snapshot().Session;
        race.Reset();
        race.Setup(RaceSetup.Open with { TrackId = attic.Id });
        var page = dashboard.Page;
        var accept = false;
        var questions = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            lock (questions)
            {
                questions.Add(dialog.Message);
            }
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await page.ReloadAsync();
        var homeRow = page.Locator($"#tracks tbody tr[data-track='{home.Id}']");
        await Expect(homeRow.Locator(".record")).ToHaveTextAsync("4.000");

        await homeRow.GetByRole(AriaRole.Button, new() { Name = "Delete Home ring" }).ClickAsync();
        await Expect(page.Locator("#tracks tbody tr")).ToHaveCountAsync(2);
        Assert.NotNull(race.FindTrack(home.Id));

        accept = true;
        await homeRow.GetByRole(AriaRole.Button, new() { Name = "Delete Home ring" }).ClickAsync();
        await Expect(page.Locator("#track-message")).ToHaveTextAsync("Deleted Home ring.");
        await Expect(page.Locator("#tracks tbody tr")).ToHaveCountAsync(1);
        Assert.Null(race.FindTrack(home.Id));

        await page.Locator($"#tracks tbody tr[data-track='{attic.Id}'] button.delete").ClickAsync();
        await Expect(page.Locator("#track-message")).ToContainTextAsync("\"Attic\" is the track of the current session");
        await Expect(page.Locator("#tracks tbody tr")).ToHaveCountAsync(1);
        lock (questions)
        {
            Assert.Equal(
                ["Delete the track \"Home ring\" and its record? Past sessions keep showing its name.",
                 "Delete the track \"Home ring\" and its record? Past sessions keep showing its name.",
                 "Delete the track \"Attic\"? Past sessions keep showing its name."],
                questions);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardPage.ArtifactPath("manage-delete.png"), FullPage = true });
        await page.GotoAsync(new Uri(dashboard.Emulator.HttpUri, $"/sessions/{session}").ToString());
        await Expect(page.Locator("#result-title")).ToHaveTextAsync($"Session #{session} · open race (no finish) · Home ring");
        await page.GotoAsync(new Uri(dashboard.Emulator.HttpUri, "/sessions").ToString());
        await Expect(page.Locator($"#sessions tbody tr[data-session='{session}']")).ToContainTextAsync("open race (no finish) · Home ring");
    }
}
