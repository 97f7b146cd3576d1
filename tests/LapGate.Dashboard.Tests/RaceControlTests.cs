using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>Setup, start, stop and reset from the page's buttons, checked on the page and in the engine.</summary>
public sealed class RaceControlTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartStop_FromThePage_ChangeTheRaceAndShowTheLeaderAsWinner()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("practice");
        await Expect(page.Locator("#start")).ToBeDisabledAsync();
        await Expect(page.Locator("#stop")).ToBeDisabledAsync();
        await page.Locator("input[name='mode'][value='open']").CheckAsync();
        await page.Locator("#setup-apply").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("ready");
        await Expect(page.Locator("#control-hint")).ToContainTextAsync("before the start");
        dashboard.Emulator.Race.ApplyLap(2, 500);
        await Expect(page.Locator("#rejected li").Nth(0)).ToContainTextAsync("before the start");

        await page.Locator("#start").ClickAsync();

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");
        Assert.Equal(RaceState.Running, dashboard.Emulator.Race.State);
        await Expect(page.Locator("#start")).ToBeDisabledAsync();
        await Expect(page.Locator("#race-clock")).ToBeVisibleAsync();
        dashboard.Emulator.Race.ApplyLap(2, 1_000);
        dashboard.Emulator.Race.ApplyLap(2, 4_000);
        await Expect(dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");

        await page.Locator("#stop").ClickAsync();

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("ended");
        Assert.Equal(RaceState.Ended, dashboard.Emulator.Race.State);
        await Expect(page.Locator("#winner")).ToBeVisibleAsync();
        await Expect(page.Locator("#winner-name")).ToHaveTextAsync("Bruno");
        await Expect(page.Locator("#winner-detail")).ToContainTextAsync("stopped");
        var raceSession = dashboard.Emulator.Race.Snapshot().Session;

        await page.Locator("#to-practice").ClickAsync();

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("practice");
        await Expect(page.Locator("#winner")).ToBeHiddenAsync();
        await Expect(page.Locator("#to-practice")).ToBeHiddenAsync();
        Assert.Equal(RaceSetup.Practice, dashboard.Emulator.Race.Snapshot().Setup);
        Assert.Contains(dashboard.Emulator.Race.Sessions(), s => s.Id == raceSession);
    }

    [Fact]
    public async Task Reset_AsksForConfirmation_CancelKeepsTheRaceConfirmResetsIt()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        dashboard.Emulator.Race.ApplyLap(1, 1_000);
        dashboard.Emulator.Race.ApplyLap(1, 5_000);
        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
        var session = dashboard.Emulator.Race.Snapshot().Session;

        await page.Locator("#reset").ClickAsync();
        await Expect(page.Locator("#confirm-reset")).ToBeVisibleAsync();
        await page.Locator("#confirm-reset button[value='cancel']").ClickAsync();

        await Expect(page.Locator("#confirm-reset")).ToBeHiddenAsync();
        Assert.Equal(session, dashboard.Emulator.Race.Snapshot().Session);
        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");

        await page.Locator("#reset").ClickAsync();
        await page.Locator("#confirm-reset-yes").ClickAsync();

        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("0");
        Assert.Equal(session + 1, dashboard.Emulator.Race.Snapshot().Session);
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("practice");
    }

    [Fact]
    public async Task LapsRace_SetUpOnThePage_FinishesWithTheWinnerShown()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        await page.Locator("#setup-laps").FillAsync("2");
        await page.Locator("#setup-apply").ClickAsync();
        await Expect(page.Locator("#race-setup")).ToHaveTextAsync("race to 2 laps");
        Assert.Equal(RaceSetup.ForLaps(2), dashboard.Emulator.Race.Snapshot().Setup);
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");
        await Expect(page.Locator("#setup-apply")).ToBeDisabledAsync();

        await using var sensor = await dashboard.ConnectSensorAsync();
        await sensor.LapAsync(3, 1_000);
        await sensor.LapAsync(4, 1_100);
        await sensor.LapAsync(3, 4_500);
        await sensor.LapAsync(4, 4_400);
        await sensor.LapAsync(4, 7_700);

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("ended");
        await Expect(page.Locator("#winner-name")).ToHaveTextAsync("Dieter");
        await Expect(page.Locator("#winner-detail")).ToContainTextAsync("reached the lap count");
        await Expect(dashboard.Row(4)).ToHaveClassAsync("winner-row");
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = DashboardPage.ArtifactPath("dashboard-finished.png") });
    }

    [Fact]
    public async Task TimeRace_SetUpOnThePage_ShowsTheCountdown()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        await page.Locator("input[name='mode'][value='time']").CheckAsync();
        await page.Locator("#setup-minutes").FillAsync("5");
        await page.Locator("#setup-apply").ClickAsync();

        await Expect(page.Locator("#race-setup")).ToHaveTextAsync("5 min race");
        await Expect(page.Locator("#race-clock")).ToHaveTextAsync("5:00");
        Assert.Equal(RaceSetup.ForTime(TimeSpan.FromMinutes(5)), dashboard.Emulator.Race.Snapshot().Setup);
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(5:00|4:5\\d)$"));
    }
}
