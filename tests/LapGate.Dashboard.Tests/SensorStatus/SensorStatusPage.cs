using System.IO.Pipelines;
using System.Text;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Link;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;
using Microsoft.Extensions.Logging;

namespace LapGate.Dashboard.Tests.SensorStatus;

/// <summary>
/// A real sensor (line input on a pipe, SQLite outbox) connected to the real emulator on 127.0.0.1, serving its
/// status page on 127.0.0.1 port 0, and a fresh Chromium showing that page. The emulator and the page can be
/// stopped and started again on the same port. <see cref="DisposeAsync"/> fails the test on a console error, an
/// uncaught exception on the page, or an error the sensor logged.
/// </summary>
internal sealed class SensorStatusPage : IAsyncDisposable
{
    public static readonly SensorConfig Config = new(
        [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FL), new SensorEntry(23, 1, TrackPoint.PE)],
        minLapMs: 1000, debounceMs: 50);

    private volatile bool _statusStopped;
    private readonly TempDirectory _dir;
    private readonly BrowserSession _browser;
    private readonly ILoggerFactory _logs;
    private readonly TestLoggerProvider _logProvider;
    private readonly Pipe _input;
    private readonly StreamWriter _lines;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly int _emulatorPort;

    private SensorStatusPage(TempDirectory dir, EmulatorServer emulator, SensorRunner sensor, StatusPageServer status, Task running, CancellationTokenSource stop, Pipe input,
        BrowserSession browser, ILoggerFactory logs, TestLoggerProvider logProvider)
    {
        _dir = dir;
        Emulator = emulator;
        _emulatorPort = emulator.Port;
        Sensor = sensor;
        Status = status;
        _running = running;
        _stop = stop;
        _input = input;
        _lines = new StreamWriter(input.Writer.AsStream(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        _browser = browser;
        _logs = logs;
        _logProvider = logProvider;
    }

    public EmulatorServer? Emulator { get; private set; }

    public SensorRunner Sensor { get; }

    public StatusPageServer? Status { get; private set; }

    public IPage Page => _browser.Page;

    public static async Task<SensorStatusPage> OpenAsync(ITestOutputHelper output, int width, int height)
    {
        var logProvider = new TestLoggerProvider(output);
        var logs = LoggerFactory.Create(b => b.AddProvider(logProvider).SetMinimumLevel(LogLevel.Information));
        var emulator = await EmulatorServer.StartAsync(EmulatorOptionsOn(0), logs).Within();
        var dir = new TempDirectory();
        var sensor = new SensorRunner(new SensorOptions
        {
            Server = emulator.WebSocketUri,
            Config = Config,
            OutboxPath = dir.File("outbox.db"),
            Link = new LinkOptions
            {
                KeepAliveInterval = TimeSpan.FromMilliseconds(200),
                // Generous, so a loaded machine's slow pong is not a dropped link (no test waits on this timeout).
                KeepAliveTimeout = TimeSpan.FromSeconds(2),
                RetryPolicy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), jitter: 0),
            },
        }, logs);
        var input = new Pipe();
        var status = await StatusPageServer.StartAsync(new StatusPageOptions { Bind = "127.0.0.1", Port = 0 }, sensor, () => ["a log line"], logs);
        var source = new LineTriggerSource(new StreamReader(input.Reader.AsStream(), Encoding.UTF8), "pipe");
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => sensor.RunAsync(source, stop.Token));
        SensorStatusPage? harness = null;
        // A request that meets the status server while a test has stopped it on purpose (the favicon, fetched
        // whenever the browser gets to it) fails by design; every other console error fails the test.
        var browser = await BrowserSession.LaunchAsync(dir.File("chromium"), width, height,
            text => harness is { _statusStopped: true } && text.Contains("ERR_CONNECTION_REFUSED", StringComparison.Ordinal));
        harness = new SensorStatusPage(dir, emulator, sensor, status, running, stop, input, browser, logs, logProvider);
        await browser.Page.GotoAsync(status.Url.ToString());
        return harness;
    }

    /// <summary>Feeds one line to the sensor's input, as a microcontroller would print it.</summary>
    public Task WriteLineAsync(string line) => _lines.WriteLineAsync(line);

    /// <summary>Waits until the page's push stream is up.</summary>
    public Task WaitLiveAsync() => Assertions.Expect(Page.Locator("#live")).ToHaveTextAsync("live");

    /// <summary>The gate strip's box for a pin.</summary>
    public ILocator Gate(int pin) => Page.Locator($"#gates .gate[data-pin='{pin}']");

    /// <summary>A lane's row.</summary>
    public ILocator Lane(int lane) => Page.Locator($"#lanes tbody tr[data-lane='{lane}']");

    /// <summary>Stops the emulator (the app goes away: the sensor's link drops).</summary>
    public async Task StopEmulatorAsync()
    {
        await Emulator!.DisposeAsync();
        Emulator = null;
    }

    /// <summary>Starts the emulator again on the port it had.</summary>
    public async Task StartEmulatorAsync() =>
        Emulator = await EmulatorServer.StartAsync(EmulatorOptionsOn(_emulatorPort), _logs).Within();

    /// <summary>Stops the status page's server (the page's push stream breaks).</summary>
    public async Task<int> StopStatusAsync()
    {
        var port = Status!.Url.Port;
        _statusStopped = true;
        await Status.DisposeAsync();
        Status = null;
        return port;
    }

    /// <summary>Starts the status page's server again on <paramref name="port"/>.</summary>
    public async Task StartStatusAsync(int port) =>
        Status = await StatusPageServer.StartAsync(new StatusPageOptions { Bind = "127.0.0.1", Port = port }, Sensor, () => ["a log line"], _logs);

    public async ValueTask DisposeAsync()
    {
        var pageErrors = await _browser.CloseAsync();
        await _stop.CancelAsync();
        try
        {
            await _running.Within();
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose; whatever is undelivered stays in the outbox.
        }
        await _input.Writer.CompleteAsync();
        if (Status is not null)
        {
            await Status.DisposeAsync();
        }
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        await Sensor.DisposeAsync();
        _stop.Dispose();
        _logs.Dispose();
        _dir.Dispose();
        BrowserSession.AssertNone(pageErrors);
        Assert.True(_logProvider.Errors.Count == 0, "the sensor or the emulator logged errors:\n" + string.Join('\n', _logProvider.Errors));
    }

    private static EmulatorOptions EmulatorOptionsOn(int port) =>
        new() { Port = port, DatabasePath = null, DriversFile = Path.Combine(AppContext.BaseDirectory, "drivers.json") };
}
