namespace LapGate.Dashboard.Tests;

/// <summary>Session type chosen on the page: qualifying won by the fastest lap, free practice without start or stop.</summary>
public sealed class SessionKindTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task Qualifying_SetUpOnThePage_FastestLapWinsAndLeads()
    {
        await Dashboard.WaitLiveAsync();

        await Page.Locator("#setup-kind").SelectOptionAsync("qualifying");
        await Page.Locator("#setup-laps").FillAsync("1");
        await Page.Locator("#setup-apply").ClickAsync();
        await Expect(Page.Locator("#race-setup")).ToHaveTextAsync("qualifying: 1 lap");
        Assert.Equal(RaceSetup.ForLaps(1) with { Kind = RaceKinds.Qualifying }, Race.Snapshot().Setup);
        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");

        await using var sensor = await Dashboard.ConnectSensorAsync();
        await sensor.LapAsync(3, 1_000);
        await sensor.LapAsync(4, 1_100);
        await sensor.LapAsync(3, 5_000);
        await sensor.LapAsync(4, 4_900);
        await sensor.LapAsync(3, 8_000);

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("ended");
        await Expect(Page.Locator("#winner-name")).ToHaveTextAsync("Dieter");
        await Expect(Page.Locator("#winner-detail")).ToContainTextAsync("fastest lap");
        await Expect(Page.Locator("#leaderboard tbody tr").First).ToHaveAttributeAsync("data-controller", "4");
        await Expect(Page.Locator("#rejected li").First).ToContainTextAsync("after the finish");
    }

    [Fact]
    public async Task Practice_SetUpOnThePage_StartAndStopDisabled()
    {
        await Dashboard.WaitLiveAsync();

        await Page.Locator("#setup-kind").SelectOptionAsync("practice");
        await Page.Locator("#setup-apply").ClickAsync();

        await Expect(Page.Locator("#race-setup")).ToHaveTextAsync("free practice");
        await Expect(Page.Locator("#start")).ToBeDisabledAsync();
        await Expect(Page.Locator("#stop")).ToBeDisabledAsync();
        Assert.Equal(RaceSetup.Practice, Race.Snapshot().Setup);
        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(1, 4_000);
        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("1");
    }
}
