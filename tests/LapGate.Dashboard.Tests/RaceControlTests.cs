namespace LapGate.Dashboard.Tests;

/// <summary>Setup, start, stop and reset from the page's buttons, checked on the page and in the engine.</summary>
public sealed class RaceControlTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task StartStop_FromThePage_ChangeTheRaceAndShowTheLeaderAsWinner()
    {
        await Dashboard.WaitLiveAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("practice");
        await Expect(Page.Locator("#start")).ToBeDisabledAsync();
        await Expect(Page.Locator("#stop")).ToBeDisabledAsync();
        await Page.Locator("input[name='mode'][value='open']").CheckAsync();
        await Page.Locator("#setup-apply").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("ready");
        await Expect(Page.Locator("#control-hint")).ToContainTextAsync("before the start");
        Race.ApplyLap(2, 500);
        await Expect(Page.Locator("#rejected li").Nth(0)).ToContainTextAsync("before the start");

        await Page.Locator("#start").ClickAsync();

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");
        Assert.Equal(RaceState.Running, Race.State);
        await Expect(Page.Locator("#start")).ToBeDisabledAsync();
        await Expect(Page.Locator("#race-clock")).ToBeVisibleAsync();
        Race.ApplyLap(2, 1_000);
        Race.ApplyLap(2, 4_000);
        await Expect(Dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");

        await Page.Locator("#stop").ClickAsync();

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("ended");
        Assert.Equal(RaceState.Ended, Race.State);
        await Expect(Page.Locator("#winner")).ToBeVisibleAsync();
        await Expect(Page.Locator("#winner-name")).ToHaveTextAsync("Bruno");
        await Expect(Page.Locator("#winner-detail")).ToContainTextAsync("stopped");
        var raceSession = Race.Snapshot().Session;

        await Page.Locator("#to-practice").ClickAsync();

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("practice");
        await Expect(Page.Locator("#winner")).ToBeHiddenAsync();
        await Expect(Page.Locator("#to-practice")).ToBeHiddenAsync();
        Assert.Equal(RaceSetup.Practice, Race.Snapshot().Setup);
        Assert.Contains(Race.Sessions(), s => s.Id == raceSession);
    }

    [Fact]
    public async Task Reset_AsksForConfirmation_CancelKeepsTheRaceConfirmResetsIt()
    {
        await Dashboard.WaitLiveAsync();
        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(1, 5_000);
        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
        var session = Race.Snapshot().Session;

        await Page.Locator("#reset").ClickAsync();
        await Expect(Page.Locator("#confirm-reset")).ToBeVisibleAsync();
        await Page.Locator("#confirm-reset button[value='cancel']").ClickAsync();

        await Expect(Page.Locator("#confirm-reset")).ToBeHiddenAsync();
        Assert.Equal(session, Race.Snapshot().Session);
        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");

        await Page.Locator("#reset").ClickAsync();
        await Page.Locator("#confirm-reset-yes").ClickAsync();

        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("0");
        Assert.Equal(session + 1, Race.Snapshot().Session);
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("practice");
    }

    [Fact]
    public async Task LapsRace_SetUpOnThePage_FinishesWithTheWinnerShown()
    {
        await Dashboard.WaitLiveAsync();

        await Page.Locator("#setup-laps").FillAsync("2");
        await Page.Locator("#setup-apply").ClickAsync();
        await Expect(Page.Locator("#race-setup")).ToHaveTextAsync("race to 2 laps");
        Assert.Equal(RaceSetup.ForLaps(2), Race.Snapshot().Setup);
        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");
        await Expect(Page.Locator("#setup-apply")).ToBeDisabledAsync();

        await using var sensor = await Dashboard.ConnectSensorAsync();
        await sensor.LapAsync(3, 1_000);
        await sensor.LapAsync(4, 1_100);
        await sensor.LapAsync(3, 4_500);
        await sensor.LapAsync(4, 4_400);
        await sensor.LapAsync(4, 7_700);

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("ended");
        await Expect(Page.Locator("#winner-name")).ToHaveTextAsync("Dieter");
        await Expect(Page.Locator("#winner-detail")).ToContainTextAsync("reached the lap count");
        await Expect(Dashboard.Row(4)).ToHaveClassAsync("winner-row");
        await Page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = DashboardPage.ArtifactPath("dashboard-finished.png") });
    }

    [Fact]
    public async Task TimeRace_SetUpOnThePage_ShowsTheCountdown()
    {
        await Dashboard.WaitLiveAsync();

        await Page.Locator("input[name='mode'][value='time']").CheckAsync();
        await Page.Locator("#setup-minutes").FillAsync("5");
        await Page.Locator("#setup-apply").ClickAsync();

        await Expect(Page.Locator("#race-setup")).ToHaveTextAsync("5 min race");
        await Expect(Page.Locator("#race-clock")).ToHaveTextAsync("5:00");
        Assert.Equal(RaceSetup.ForTime(TimeSpan.FromMinutes(5)), Race.Snapshot().Setup);
        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(5:00|4:5\\d)$"));
    }
}
