using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>Session type chosen on the page: qualifying won by the fastest lap, free practice without start or stop.</summary>
public sealed class SessionKindTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Qualifying_SetUpOnThePage_FastestLapWinsAndLeads()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        await page.Locator("#setup-kind").SelectOptionAsync("qualifying");
        await page.Locator("#setup-laps").FillAsync("1");
        await page.Locator("#setup-apply").ClickAsync();
        await Expect(page.Locator("#race-setup")).ToHaveTextAsync("qualifying: 1 lap");
        Assert.Equal(RaceSetup.ForLaps(1) with { Kind = RaceKinds.Qualifying }, dashboard.Emulator.Race.Snapshot().Setup);
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");

        await using var sensor = await dashboard.ConnectSensorAsync();
        await sensor.LapAsync(3, 1_000);
        await sensor.LapAsync(4, 1_100);
        await sensor.LapAsync(3, 5_000);
        await sensor.LapAsync(4, 4_900);
        await sensor.LapAsync(3, 8_000);

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("ended");
        await Expect(page.Locator("#winner-name")).ToHaveTextAsync("Dieter");
        await Expect(page.Locator("#winner-detail")).ToContainTextAsync("fastest lap");
        await Expect(page.Locator("#leaderboard tbody tr").First).ToHaveAttributeAsync("data-controller", "4");
        await Expect(page.Locator("#rejected li").First).ToContainTextAsync("after the finish");
    }

    [Fact]
    public async Task Practice_SetUpOnThePage_StartAndStopDisabled()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        await page.Locator("#setup-kind").SelectOptionAsync("practice");
        await page.Locator("#setup-apply").ClickAsync();

        await Expect(page.Locator("#race-setup")).ToHaveTextAsync("free practice");
        await Expect(page.Locator("#start")).ToBeDisabledAsync();
        await Expect(page.Locator("#stop")).ToBeDisabledAsync();
        Assert.Equal(RaceSetup.Practice, dashboard.Emulator.Race.Snapshot().Setup);
        dashboard.Emulator.Race.ApplyLap(1, 1_000);
        dashboard.Emulator.Race.ApplyLap(1, 4_000);
        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
    }
}
