using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>Lap time limits set on the page, and rejected laps shown with their reason.</summary>
public sealed class LapLimitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Limits_SetUpOnThePage_RejectedLapsShownWithTheirReason()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        await page.Locator("#setup-kind").SelectOptionAsync("practice");
        await page.Locator("#setup-min").FillAsync("2");
        await page.Locator("#setup-max").FillAsync("20.5");
        await page.Locator("#setup-apply").ClickAsync();

        await Expect(page.Locator("#race-limits")).ToHaveTextAsync("laps 2.000–20.500 s");
        Assert.Equal(RaceSetup.Practice with { MinLapMs = 2000, MaxLapMs = 20_500 }, dashboard.Emulator.Race.Snapshot().Setup);

        await using var sensor = await dashboard.ConnectSensorAsync();
        await sensor.LapAsync(2, 10_000);
        await sensor.LapAsync(2, 10_800);
        await sensor.LapAsync(2, 13_000);
        await sensor.LapAsync(2, 40_000);

        await Expect(dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");
        await Expect(dashboard.Row(2).Locator(".rejected")).ToHaveTextAsync("2");
        await Expect(page.Locator("#rejected-count")).ToHaveTextAsync("2");
        await Expect(page.Locator("#rejected li").Nth(0)).ToHaveTextAsync("Bruno 27.000 above the maximum (20.500)");
        await Expect(page.Locator("#rejected li").Nth(1)).ToHaveTextAsync("Bruno 0.800 at or below the minimum (2.000)");
    }

    [Fact]
    public async Task Limits_None_NoLimitsShownAndNothingRejected()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;

        dashboard.Emulator.Race.ApplyLap(1, 1_000);
        dashboard.Emulator.Race.ApplyLap(1, 1_200);

        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
        await Expect(dashboard.Row(1).Locator(".rejected")).ToHaveTextAsync("–");
        await Expect(page.Locator("#race-limits")).ToBeHiddenAsync();
        await Expect(page.Locator("#rejected li")).ToHaveCountAsync(0);
    }
}
