namespace LapGate.Dashboard.Tests;

/// <summary>An emulator run with --control-token: the page asks for the token once and then controls the race.</summary>
public sealed class ControlTokenTests(ITestOutputHelper output) : DashboardTest(output, configure: o => o.ControlToken = Token)
{
    private const string Token = "club-night-2026";

    [Fact]
    public async Task Start_EmulatorNeedsToken_PageAsksOnceThenStartsAndStops()
    {
        Dashboard.AllowConsoleError("401");
        await Dashboard.WaitLiveAsync();
        Assert.True(Race.Setup(RaceSetup.Open).Accepted);
        await Expect(Page.Locator("#start")).ToBeEnabledAsync();
        var prompts = 0;
        Page.Dialog += async (_, dialog) =>
        {
            prompts++;
            Assert.Equal("prompt", dialog.Type);
            Assert.Contains("control token", dialog.Message, StringComparison.Ordinal);
            await dialog.AcceptAsync(Token);
        };

        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");
        await Page.Locator("#stop").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("ended");

        Assert.Equal(RaceState.Ended, Race.State);
        Assert.Equal(1, prompts);
    }

    [Fact]
    public async Task Start_WrongTokenGiven_RaceStaysIdleAndPageSaysWhy()
    {
        Dashboard.AllowConsoleError("401");
        await Dashboard.WaitLiveAsync();
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync("not-the-token");
        Assert.True(Race.Setup(RaceSetup.Open).Accepted);
        await Expect(Page.Locator("#start")).ToBeEnabledAsync();

        await Page.Locator("#start").ClickAsync();

        await Expect(Page.Locator("#control-message")).ToContainTextAsync("wrong control token");
        Assert.Equal(RaceState.Idle, Race.State);
    }
}
