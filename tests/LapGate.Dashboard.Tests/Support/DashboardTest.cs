using LapGate.Emulator;

namespace LapGate.Dashboard.Tests.Support;

/// <summary>
/// The start every dashboard test shares: xunit makes a new instance per test, and this opens a fresh
/// <see cref="DashboardPage"/> on <c>path</c> (an emulator started with <c>configure</c>'s options) before the
/// test, and disposes it after, which fails the test on a page error or an error the emulator logged.
/// </summary>
public abstract class DashboardTest(ITestOutputHelper output, string path = "/", Action<EmulatorOptions>? configure = null) : IAsyncLifetime
{
    private DashboardPage? _dashboard;

    protected ITestOutputHelper Output => output;

    protected DashboardPage Dashboard => _dashboard ?? throw new InvalidOperationException("the dashboard opens before the test");

    protected IPage Page => Dashboard.Page;

    /// <summary>The emulator's race engine, for a test that sets up or feeds a race directly.</summary>
    protected RaceEngine Race => Dashboard.Emulator.Race;

    public async Task InitializeAsync() => _dashboard = await DashboardPage.OpenAsync(output, path, configure: configure);

    public async Task DisposeAsync()
    {
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }
}
