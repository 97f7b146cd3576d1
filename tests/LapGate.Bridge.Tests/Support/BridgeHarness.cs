using Microsoft.Extensions.Logging;

namespace LapGate.Bridge.Tests.Support;

/// <summary>A stand-in app and a bridge in front of it, both on 127.0.0.1 port 0, with a capture file.</summary>
public sealed class BridgeHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private bool _bridgeDisposed;
    private LoggerFactory? _loggerFactory;

    private BridgeHarness(StandInApp app) => App = app;

    public StandInApp App { get; }

    public BridgeServer Bridge { get; private set; } = null!;

    public string CapturePath => _temp.File("capture.jsonl");

    public StringWriter Printed { get; } = new();

    /// <summary>What the bridge logged.</summary>
    public TestLoggerProvider Logs { get; } = new();

    /// <param name="upstream">Where the bridge forwards to (default: the stand-in app).</param>
    /// <param name="configure">Changes to the bridge's options.</param>
    /// <param name="script">The stand-in app's script (default: <see cref="StandInScript.AsCaptured"/>).</param>
    public static async Task<BridgeHarness> StartAsync(Uri? upstream = null, Action<BridgeOptions>? configure = null, StandInScript? script = null)
    {
        var harness = new BridgeHarness(new StandInApp(script ?? StandInScript.AsCaptured));
        var options = new BridgeOptions
        {
            Listen = "127.0.0.1:0",
            Upstream = upstream ?? harness.App.Url,
            CapturePath = harness.CapturePath,
            Output = harness.Printed,
        };
        configure?.Invoke(options);
        harness._loggerFactory = new LoggerFactory([harness.Logs]);
        harness.Bridge = await BridgeServer.StartAsync(options, harness._loggerFactory).Within();
        return harness;
    }

    /// <summary>A client connected through the bridge, and the stand-in's side of it.</summary>
    public async Task<(TestClient Client, StandInConnection App)> ConnectAsync(string path = "/")
    {
        var client = await TestClient.ConnectAsync(new Uri(Bridge.ListenUri, path));
        return (client, await App.NextConnectionAsync());
    }

    /// <summary>Stops the bridge (flushing the capture) so the capture file is complete.</summary>
    public async Task StopBridgeAsync()
    {
        if (!_bridgeDisposed)
        {
            _bridgeDisposed = true;
            await Bridge.DisposeAsync().AsTask().Within();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopBridgeAsync();
        await App.DisposeAsync();
        _loggerFactory?.Dispose();
        _temp.Dispose();
        Assert.Empty(App.Errors);
        Assert.Empty(Logs.Errors);
    }
}
