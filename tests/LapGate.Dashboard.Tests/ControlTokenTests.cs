using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>An emulator run with --control-token: the page asks for the token once and then controls the race.</summary>
public sealed class ControlTokenTests(ITestOutputHelper output)
{
    private const string Token = "club-night-2026";

    [Fact]
    public async Task Start_EmulatorNeedsToken_PageAsksOnceThenStartsAndStops()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output, configure: o => o.ControlToken = Token);
        dashboard.AllowConsoleError("401");
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        Assert.True(dashboard.Emulator.Race.Setup(RaceSetup.Open).Accepted);
        await Expect(page.Locator("#start")).ToBeEnabledAsync();
        var prompts = 0;
        page.Dialog += async (_, dialog) =>
        {
            prompts++;
            Assert.Equal("prompt", dialog.Type);
            Assert.Contains("control token", dialog.Message, StringComparison.Ordinal);
            await dialog.AcceptAsync(Token);
        };

        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");
        await page.Locator("#stop").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("ended");

        Assert.Equal(RaceState.Ended, dashboard.Emulator.Race.State);
        Assert.Equal(1, prompts);
    }

    [Fact]
    public async Task Start_WrongTokenGiven_RaceStaysIdleAndPageSaysWhy()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output, configure: o => o.ControlToken = Token);
        dashboard.AllowConsoleError("401");
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("not-the-token");
        Assert.True(dashboard.Emulator.Race.Setup(RaceSetup.Open).Accepted);
        await Expect(page.Locator("#start")).ToBeEnabledAsync();

        await page.Locator("#start").ClickAsync();

        await Expect(page.Locator("#control-message")).ToContainTextAsync("wrong control token");
        Assert.Equal(RaceState.Idle, dashboard.Emulator.Race.State);
    }
}
