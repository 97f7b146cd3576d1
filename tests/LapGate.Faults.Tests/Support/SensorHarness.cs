using System.Diagnostics;
using LapGate.Sensor.Config;
using LapGate.Sensor.Pipeline;
using Microsoft.Extensions.Logging;

namespace LapGate.Faults.Tests.Support;

/// <summary>An in-process sensor (the real pipeline, outbox and link) fed by a <see cref="FeedSource"/>.</summary>
public sealed class SensorHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SensorRunner _runner;
    private readonly Lock _gate = new();
    private readonly List<(ReconnectCause Cause, TimeSpan At)> _drops = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _run;

    /// <param name="server">The app.</param>
    /// <param name="trackJson">The sensor config.</param>
    /// <param name="outboxPath">The outbox (default: in a fresh temp folder).</param>
    /// <param name="loggers">Where the sensor logs (default: nowhere).</param>
    public SensorHarness(Uri server, string trackJson = LapPlan.TrackJson, string? outboxPath = null, ILoggerFactory? loggers = null)
    {
        var config = SensorConfigLoader.Parse(trackJson, "track.json", server);
        _runner = new SensorRunner(new SensorOptions { Server = server, Config = config, OutboxPath = outboxPath ?? _dir.File("outbox.db") }, loggers);
        _runner.Reconnecting += (_, e) =>
        {
            lock (_gate)
            {
                _drops.Add((e.Cause, _clock.Elapsed));
            }
            Dropped?.Invoke(this, EventArgs.Empty);
        };
    }

    public FeedSource Input { get; } = new();

    public SensorRunner Runner => _runner;

    /// <summary>Time since the harness was made (the clock of <see cref="Drops"/>).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public IReadOnlyList<(ReconnectCause Cause, TimeSpan At)> Drops
    {
        get
        {
            lock (_gate)
            {
                return [.. _drops];
            }
        }
    }

    public event EventHandler? Dropped;

    public void Start() => _run = _runner.RunAsync(Input, _stop.Token);

    /// <summary>Ends the input and waits until every event is confirmed delivered (the sensor's own end).</summary>
    public async Task FinishAsync()
    {
        Input.Complete();
        await _run!.Within();
    }

    public Task WaitForDropsAsync(int count) =>
        Wait.UntilAsync(() => Drops.Count >= count, h => Dropped += h, h => Dropped -= h, $"{count} link drop(s)");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.Within();
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test's end.
            }
        }
        await _runner.DisposeAsync();
        _stop.Dispose();
        _dir.Dispose();
    }
}
