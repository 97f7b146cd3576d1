using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using Microsoft.Extensions.Logging;

namespace LapGate.Dashboard.Tests.Support;

/// <summary>
/// A real emulator on 127.0.0.1 (port 0, in-memory database) and a fresh Chromium showing its
/// dashboard. Collects the page's console errors and uncaught exceptions; <see cref="DisposeAsync"/>
/// fails the test on any of them or on an error the emulator logged.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly TempDirectory _profile;
    private readonly BrowserSession _browser;
    private readonly ILoggerFactory _logs;
    private readonly TestLoggerProvider _logProvider;
    private readonly List<string> _allowedConsoleErrors;

    private DashboardPage(EmulatorServer emulator, TempDirectory profile, BrowserSession browser, ILoggerFactory logs, TestLoggerProvider logProvider, List<string> allowedConsoleErrors)
    {
        Emulator = emulator;
        _profile = profile;
        _browser = browser;
        _logs = logs;
        _logProvider = logProvider;
        _allowedConsoleErrors = allowedConsoleErrors;
    }

    public EmulatorServer Emulator { get; }

    public IPage Page => _browser.Page;

    public static async Task<DashboardPage> OpenAsync(ITestOutputHelper output, string path = "/", int width = 1600, int height = 900, Action<EmulatorOptions>? configure = null)
    {
        var logProvider = new TestLoggerProvider(output);
        var logs = LoggerFactory.Create(b => b.AddProvider(logProvider).SetMinimumLevel(LogLevel.Information));
        var options = new EmulatorOptions { Port = 0, DatabasePath = null, DriversFile = Path.Combine(AppContext.BaseDirectory, "drivers.json") };
        configure?.Invoke(options);
        var emulator = await EmulatorServer.StartAsync(options, logs).Within();
        var profile = new TempDirectory();
        var allowed = new List<string>();
        var browser = await BrowserSession.LaunchAsync(profile.Path, width, height, text => allowed.Any(a => text.Contains(a, StringComparison.Ordinal)));
        var dashboard = new DashboardPage(emulator, profile, browser, logs, logProvider, allowed);
        await browser.Page.GotoAsync(new Uri(emulator.HttpUri, path).ToString());
        return dashboard;
    }

    /// <summary>A console error the test provokes on purpose (Chromium logs every 4xx answer as one).</summary>
    public void AllowConsoleError(string containing) => _allowedConsoleErrors.Add(containing);

    /// <summary>Waits until the push connection is up (the link indicator says "live").</summary>
    public Task WaitLiveAsync() => Assertions.Expect(Page.Locator("#link")).ToHaveTextAsync("live");

    /// <summary>The leaderboard row of a controller.</summary>
    public ILocator Row(int controller) => Page.Locator($"#leaderboard tbody tr[data-controller='{controller}']");

    public Task<TestClient> ConnectSensorAsync() => TestClient.ConnectSensorAsync(Emulator.WebSocketUri);

    /// <summary>Where artifacts go: <c>TestResults/</c> under the test output folder.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        // The browser goes first, so the emulator stopping is not an error on the page.
        var pageErrors = await _browser.CloseAsync();
        await Emulator.DisposeAsync().AsTask().Within();
        _logs.Dispose();
        _profile.Dispose();
        BrowserSession.AssertNone(pageErrors);
        Assert.True(_logProvider.Errors.Count == 0, "the emulator logged errors:\n" + string.Join('\n', _logProvider.Errors));
    }
}
