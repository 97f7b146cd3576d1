using System.Threading.Channels;

namespace LapGate.Sensor.Tests.Support;

/// <summary>An <see cref="AppLink"/> over a real outbox file, fed by the test, with its events captured.</summary>
public sealed class LinkHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly Channel<SensorEvent> _events = Channel.CreateUnbounded<SensorEvent>();
    private readonly CancellationTokenSource _stop = new();

    public LinkHarness(Uri server, LinkOptions options, TimeProvider? time = null, TempDirectory? dir = null)
    {
        _dir = dir ?? new TempDirectory();
        OwnsDir = dir is null;
        Outbox = SqliteOutbox.Open(_dir.File("outbox.db"));
        Link = new AppLink(server, Outbox, options, time);
        Link.Reconnecting += (_, e) =>
        {
            // On the link's loop, so nothing the next connection confirms is in it yet.
            ConfirmedAtDrops.Enqueue(Confirmed.Values.SelectMany(c => c).ToArray());
            Drops.Raise(e);
        };
        Link.Confirmed += (_, e) => Confirmed.Raise(e);
        Link.Sent += (_, e) => Sent.Raise(e);
        Link.MessageReceived += (_, m) => Messages.Raise(m);
        Link.StateChanged += (_, s) => States.Raise(s);
    }

    /// <summary>Fast keep-alive for tests on loopback: dead link noticed in about a second.</summary>
    public static LinkOptions FastOptions(int sendWindow = LinkOptions.DefaultSendWindow, int keepAliveTimeoutMs = 300) => new()
    {
        SendWindow = sendWindow,
        KeepAliveInterval = TimeSpan.FromMilliseconds(200),
        KeepAliveTimeout = TimeSpan.FromMilliseconds(keepAliveTimeoutMs),
        RetryPolicy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), jitter: 0),
    };

    private bool OwnsDir { get; }

    public SqliteOutbox Outbox { get; }

    public AppLink Link { get; }

    public Task? Run { get; private set; }

    public Signal<ReconnectEventArgs> Drops { get; } = new();

    /// <summary>For each drop, in order: every event the app had confirmed when it was noticed.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<SensorEvent[]> ConfirmedAtDrops { get; } = new();

    public Signal<IReadOnlyList<SensorEvent>> Confirmed { get; } = new();

    public Signal<IReadOnlyList<SensorEvent>> Sent { get; } = new();

    public Signal<Message> Messages { get; } = new();

    public Signal<LinkState> States { get; } = new();

    public LinkHarness Start()
    {
        Run = Link.RunAsync(_events.Reader, _stop.Token);
        return this;
    }

    public IReadOnlyList<SensorEvent> Add(params SensorEvent[] events)
    {
        var written = Outbox.Append(events);
        foreach (var e in written)
        {
            Assert.True(_events.Writer.TryWrite(e));
        }
        return written;
    }

    public void Complete() => _events.Writer.Complete();

    /// <summary>Stops the link as Ctrl+C does and waits until it has (it throws <see cref="OperationCanceledException"/>).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run!.Within());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Run is not null)
        {
            try
            {
                await Run.Within();
            }
            catch (OperationCanceledException)
            {
                // Stopped by the test.
            }
        }
        Outbox.Dispose();
        _stop.Dispose();
        if (OwnsDir)
        {
            _dir.Dispose();
        }
    }
}
