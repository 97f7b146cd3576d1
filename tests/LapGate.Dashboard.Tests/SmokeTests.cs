using Microsoft.Playwright;

namespace LapGate.Dashboard.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Launch_Chromium_Works()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var pw = await Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--headless", "--no-sandbox", "--disable-gpu"] });
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<p id=x>hi</p>");
        Assert.Equal("hi", await page.InnerTextAsync("#x"));
    }
}
