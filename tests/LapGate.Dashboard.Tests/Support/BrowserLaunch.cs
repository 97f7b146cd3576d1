namespace LapGate.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>scripts/install-test-deps.sh</c>) driven by
/// Playwright; Playwright never downloads a browser here.
/// </summary>
internal static class BrowserLaunch
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IPlaywright> StartPlaywrightAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run scripts/install-test-deps.sh (apt-get install chromium)");
        return await Playwright.CreateAsync();
    }

    /// <summary>A fresh browser with its own new profile in <paramref name="userDataDir"/>.</summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string userDataDir, int width, int height) =>
        playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Args = Args,
            Headless = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
}
