namespace LapGate.Dashboard.Tests.Support;

/// <summary>
/// A fresh Chromium (<see cref="BrowserLaunch"/>) with its own profile, showing one page, that collects the page's
/// console errors and uncaught exceptions for the test to fail on. The dashboard's and the sensor's status page
/// harnesses both stand on it.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;
    private readonly Func<string, bool> _expectedConsoleError;
    private bool _closed;

    private BrowserSession(IPlaywright playwright, IBrowserContext browser, IPage page, Func<string, bool> expectedConsoleError)
    {
        _playwright = playwright;
        _browser = browser;
        _expectedConsoleError = expectedConsoleError;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !_expectedConsoleError(message.Text))
            {
                Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>
    /// Starts Chromium on <paramref name="profile"/> with a <paramref name="width"/> × <paramref name="height"/> window;
    /// a console error for which <paramref name="expectedConsoleError"/> says true is one the test provoked on purpose.
    /// </summary>
    public static async Task<BrowserSession> LaunchAsync(string profile, int width, int height, Func<string, bool> expectedConsoleError)
    {
        Assertions.SetDefaultExpectTimeout((float)Wait.Limit.TotalMilliseconds);
        var playwright = await BrowserLaunch.StartPlaywrightAsync();
        var browser = await BrowserLaunch.LaunchAsync(playwright, profile, width, height);
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        return new BrowserSession(playwright, browser, page, expectedConsoleError);
    }

    /// <summary>Closes the browser and returns the errors the page logged before, for the harness to fail the test on once it has cleaned up.</summary>
    public async Task<string[]> CloseAsync()
    {
        string[] errors;
        lock (_errors)
        {
            errors = [.. _errors];
        }
        if (!_closed)
        {
            _closed = true;
            await _browser.CloseAsync();
            _playwright.Dispose();
        }
        return errors;
    }

    /// <summary>Fails the test when <paramref name="errors"/> (from <see cref="CloseAsync"/>) holds any.</summary>
    public static void AssertNone(string[] errors) =>
        Assert.True(errors.Length == 0, "the page logged errors:\n" + string.Join('\n', errors));

    public async ValueTask DisposeAsync() => await CloseAsync();

    private void Add(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
