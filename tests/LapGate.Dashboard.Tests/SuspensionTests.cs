namespace LapGate.Dashboard.Tests;

/// <summary>Suspending and resuming a race from the page.</summary>
public sealed class SuspensionTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task Suspend_FromThePage_ShowsSuspendedLapsStillCountResumeRuns()
    {
        await Dashboard.WaitLiveAsync();
        await Expect(Page.Locator("#suspend")).ToBeDisabledAsync();
        Assert.True(Race.Setup(RaceSetup.Open).Accepted);
        await Expect(Page.Locator("#start")).ToBeEnabledAsync();
        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");

        await Page.Locator("#suspend").ClickAsync();

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("suspended");
        await Expect(Page.Locator("#suspend")).ToHaveTextAsync("Resume");
        Assert.Equal(RaceState.Suspended, Race.State);
        Race.ApplyLap(2, 1_000);
        Race.ApplyLap(2, 4_000);
        await Expect(Dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");

        await Page.Locator("#suspend").ClickAsync();

        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");
        await Expect(Page.Locator("#suspend")).ToHaveTextAsync("Suspend");
        Assert.Equal(RaceState.Running, Race.State);
    }
}
