namespace LapGate.Dashboard.Tests;

/// <summary>Lap time limits set on the page, and rejected laps shown with their reason.</summary>
public sealed class LapLimitTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task Limits_SetUpOnThePage_RejectedLapsShownWithTheirReason()
    {
        await Dashboard.WaitLiveAsync();

        await Page.Locator("#setup-kind").SelectOptionAsync("practice");
        await Page.Locator("#setup-min").FillAsync("2");
        await Page.Locator("#setup-max").FillAsync("20.5");
        await Page.Locator("#setup-apply").ClickAsync();

        await Expect(Page.Locator("#race-limits")).ToHaveTextAsync("laps 2.000–20.500 s");
        Assert.Equal(RaceSetup.Practice with { MinLapMs = 2000, MaxLapMs = 20_500 }, Race.Snapshot().Setup);

        await using var sensor = await Dashboard.ConnectSensorAsync();
        await sensor.LapAsync(2, 10_000);
        await sensor.LapAsync(2, 10_800);
        await sensor.LapAsync(2, 13_000);
        await sensor.LapAsync(2, 40_000);

        await Expect(Dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");
        await Expect(Dashboard.Row(2).Locator(".rejected")).ToHaveTextAsync("2");
        await Expect(Page.Locator("#rejected-count")).ToHaveTextAsync("2");
        await Expect(Page.Locator("#rejected li").Nth(0)).ToHaveTextAsync("Bruno 27.000 above the maximum (20.500)");
        await Expect(Page.Locator("#rejected li").Nth(1)).ToHaveTextAsync("Bruno 0.800 at or below the minimum (2.000)");
    }

    [Fact]
    public async Task Limits_None_NoLimitsShownAndNothingRejected()
    {
        await Dashboard.WaitLiveAsync();

        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(1, 1_200);

        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
        await Expect(Dashboard.Row(1).Locator(".rejected")).ToHaveTextAsync("–");
        await Expect(Page.Locator("#race-limits")).ToBeHiddenAsync();
        await Expect(Page.Locator("#rejected li")).ToHaveCountAsync(0);
    }
}
