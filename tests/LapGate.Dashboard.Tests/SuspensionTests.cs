using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>Suspending and resuming a race from the page.</summary>
public sealed class SuspensionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Suspend_FromThePage_ShowsSuspendedLapsStillCountResumeRuns()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        await Expect(page.Locator("#suspend")).ToBeDisabledAsync();
        Assert.True(dashboard.Emulator.Race.Setup(RaceSetup.Open).Accepted);
        await Expect(page.Locator("#start")).ToBeEnabledAsync();
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");

        await page.Locator("#suspend").ClickAsync();

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("suspended");
        await Expect(page.Locator("#suspend")).ToHaveTextAsync("Resume");
        Assert.Equal(RaceState.Suspended, dashboard.Emulator.Race.State);
        dashboard.Emulator.Race.ApplyLap(2, 1_000);
        dashboard.Emulator.Race.ApplyLap(2, 4_000);
        await Expect(dashboard.Row(2).Locator(".laps")).ToHaveTextAsync("1");

        await page.Locator("#suspend").ClickAsync();

        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");
        await Expect(page.Locator("#suspend")).ToHaveTextAsync("Suspend");
        Assert.Equal(RaceState.Running, dashboard.Emulator.Race.State);
    }
}
