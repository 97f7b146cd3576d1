using System.Threading.Channels;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Validation;
using LapGate.Sensor.Events;
using LapGate.Sensor.Filtering;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Link;
using LapGate.Sensor.Outbox;
using LapGate.Sensor.Timing;
using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Pipeline;

/// <summary>
/// The sensor: input → filters → outbox → link. Triggers are stamped by the input, filtered, committed to the
/// outbox, queued on a bounded channel and sent by the one <see cref="AppLink"/> loop, while the outbox is flushed
/// to disk. Single use.
/// </summary>
public sealed class SensorRunner : IAsyncDisposable
{
    private readonly SensorOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly StatusTracker _status;
    private OutboxLock? _lock;
    private IOutbox? _outbox;
    private AppLink? _link;
    private int _started;

    public SensorRunner(SensorOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SensorOptionsValidator.Instance.ThrowIfInvalid(options);
        _options = options;
        _loggers = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger("LapGate.Sensor");
        _status = new StatusTracker(options.Config.Lanes, options.Config.Sensors, options.TimeProvider);
        _status.Update(s => s with { Server = options.Server });
        _status.Changed += (_, _) => StatusChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>A snapshot of the current state.</summary>
    public SensorStatus Status
    {
        get
        {
            var status = _status.Snapshot();
            if (_outbox is { } outbox)
            {
                var durable = outbox.DurableThrough;
                status = status with
                {
                    DurableThrough = durable,
                    NotYetDurable = Math.Max(0, _status.HighestAcceptedId - durable),
                    OutboxProblem = outbox.Problem,
                };
            }
            return _link is { } link
                ? status with { Connection = link.State, AppApiVersion = link.ApiVersion, EventsPending = link.PendingCount }
                : status;
        }
    }

    /// <summary>Something on the screen changed. Raised on pipeline threads: do not block.</summary>
    public event EventHandler? StatusChanged;

    /// <summary>The link dropped, with its cause.</summary>
    public event EventHandler<ReconnectEventArgs>? Reconnecting;

    /// <summary>Events were accepted and committed to the outbox (before they are queued and flushed to disk).</summary>
    public event EventHandler<IReadOnlyList<SensorEvent>>? Accepted;

    /// <summary>
    /// The same accepted events with what each means for its lane (first crossing, lap N and its time), for the
    /// log and the screens. Raised right after <see cref="Accepted"/>.
    /// </summary>
    public event EventHandler<IReadOnlyList<LaneCrossing>>? Crossed;

    /// <summary>
    /// The outbox was flushed to disk (accepted events after they were queued for sending, or delivery marks); the
    /// argument is <see cref="SensorStatus.DurableThrough"/>. Raised on the flusher's task; not when the flush failed.
    /// </summary>
    public event EventHandler<long>? Flushed;

    /// <summary>The outbox file was unusable, moved aside, and a fresh one started (raised before anything is read).</summary>
    public event EventHandler<OutboxOpenResult>? OutboxRecovered;

    /// <summary>Called with the outbox once it is open, before anything is read. For tests.</summary>
    internal Action<SqliteOutbox>? OutboxOpened { get; set; }

    /// <summary>A trigger was rejected (and journaled).</summary>
    public event EventHandler<RejectedTrigger>? Rejected;

    /// <summary>
    /// Runs the sensor. Ends after <paramref name="input"/> completes and everything pending is confirmed
    /// delivered. Cancelling stops the input and closes the link with the WebSocket close handshake (about a second
    /// at most; what the app confirmed is marked delivered), then throws <see cref="OperationCanceledException"/>;
    /// undelivered events stay in the outbox for the next run. Throws <see cref="OutboxRefusedException"/> at once,
    /// before anything is read, when another sensor holds the outbox or it cannot be written.
    /// </summary>
    public async Task RunAsync(ITriggerSource input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("a SensorRunner runs once; create a new one");
        }
        _lock = OutboxLock.Acquire(_options.OutboxPath);
        var opened = OpenOutbox();
        OutboxOpened?.Invoke(opened);
        _outbox = opened;
        _outbox.DurabilityChanged += (_, change) => OnDurabilityChanged(change);
        _status.Update(s => s with { Input = input.Name });
        _status.Delivered(opened.DeliveredSince(_status.StartOfToday()));
        var time = _options.TimeProvider;
        var deviceClock = new DeviceClock(new OutboxClockStore(_outbox, input.Name), input.Name, _loggers.CreateLogger("LapGate.Sensor.Clock"));
        var processor = new TriggerProcessor(_options.Config, new HostClock(time), deviceClock);
        var channel = Channel.CreateBounded<SensorEvent>(new BoundedChannelOptions(_options.ChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var link = new AppLink(_options.Server, _outbox, _options.Link, time, _loggers.CreateLogger("LapGate.Sensor.Link"));
        link.StateChanged += (_, _) => _status.LinkChanged();
        link.Sent += (_, events) => _status.Sent(events);
        await using var flusher = new OutboxFlusher(_outbox, _logger, durable => Flushed?.Invoke(this, durable));
        link.Confirmed += (_, confirmed) =>
        {
            flusher.Request();
            _status.Delivered(confirmed.Count);
            StatusChanged?.Invoke(this, EventArgs.Empty);
        };
        link.Reconnecting += (_, e) =>
        {
            _status.Dropped(e.Cause);
            Reconnecting?.Invoke(this, e);
        };
        link.MessageReceived += (_, message) => OnAppMessage(message, processor);
        _link = link;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var linkTask = link.RunAsync(channel.Reader, stop.Token);
        var inputTask = Task.Run(() => PumpAsync(input, processor, channel.Writer, flusher, stop.Token), CancellationToken.None);
        var first = await Task.WhenAny(inputTask, linkTask).ConfigureAwait(false);
        if (first == inputTask && inputTask.IsCompletedSuccessfully)
        {
            _status.Update(s => s with { InputEnded = true });
            PipelineLog.InputEnded(_logger, input.Name, link.PendingCount);
            await linkTask.ConfigureAwait(false);
            PipelineLog.AllDelivered(_logger);
            return;
        }
        // A stop, or one side failed: stop the other. The link closes with the handshake, so what the app confirms
        // is marked delivered before this returns; wait for both before reporting the first one's outcome.
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(inputTask, linkTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await first.ConfigureAwait(false);
        await (first == inputTask ? linkTask : inputTask).ConfigureAwait(false);
    }

    /// <summary>Most triggers filtered and committed to the outbox in one transaction.</summary>
    private const int MaxBatch = 512;

    /// <summary>
    /// Reads the input on its own task into a bounded queue (the input waits when it is full: nothing is dropped),
    /// and commits whatever has arrived meanwhile in one outbox transaction (group commit): one trigger alone is
    /// committed at once, a burst costs one commit instead of one per event. The fsyncs run on the
    /// <see cref="OutboxFlusher"/>, one for all the batches committed while the previous one ran.
    /// </summary>
    private async Task PumpAsync(ITriggerSource input, TriggerProcessor processor, ChannelWriter<SensorEvent> writer, OutboxFlusher flusher, CancellationToken ct)
    {
        var triggers = Channel.CreateBounded<Trigger>(new BoundedChannelOptions(MaxBatch * 4)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var reading = ReadInputAsync(input, triggers.Writer, ct);
        try
        {
            var batch = new List<Trigger>(MaxBatch);
            while (await triggers.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && triggers.Reader.TryRead(out var trigger))
                {
                    batch.Add(trigger);
                }
                await AcceptAsync(input, processor, batch, writer, flusher, ct).ConfigureAwait(false);
            }
            await reading.ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private static async Task ReadInputAsync(ITriggerSource input, ChannelWriter<Trigger> triggers, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await foreach (var trigger in input.ReadAsync(ct).ConfigureAwait(false))
            {
                await triggers.WriteAsync(trigger, ct).ConfigureAwait(false);
            }
            triggers.TryComplete();
        }
        catch (Exception ex)
        {
            triggers.TryComplete(ex);
            throw;
        }
    }

    private async Task AcceptAsync(ITriggerSource input, TriggerProcessor processor, List<Trigger> batch, ChannelWriter<SensorEvent> writer, OutboxFlusher flusher, CancellationToken ct)
    {
        List<SensorEvent>? accepted = null;
        foreach (var trigger in batch)
        {
            var result = processor.Process(trigger);
            if (result.Rejected is { } rejected)
            {
                _outbox!.Reject(rejected);
                var where = rejected.Line is { } line ? $"{input.Name} line {line}: " : $"{input.Name}: ";
                PipelineLog.TriggerRejected(_logger, rejected.Reason is RejectReason.UnknownPin or RejectReason.OutOfOrder ? LogLevel.Warning : LogLevel.Information,
                    where, rejected.Reason, rejected.Detail);
                _status.Rejected(rejected);
                Rejected?.Invoke(this, rejected);
                continue;
            }
            (accepted ??= []).AddRange(result.Events);
        }
        if (accepted is null)
        {
            return;
        }
        // Committed to the WAL (the OS page cache: survives a crash of this process), not yet fsynced.
        var events = _outbox!.Append(accepted);
        var crossings = _status.Accepted(events);
        Accepted?.Invoke(this, events);
        Crossed?.Invoke(this, crossings);
        // Send first, fsync alongside: an event is lost in a power cut only if the cut comes before its fsync
        // completed, in either order; sending first only adds a chance that the app already has it. The fsync runs
        // on the flusher's task, so neither this event nor the next trigger waits for it.
        flusher.Request();
        foreach (var e in events)
        {
            await writer.WriteAsync(e, ct).ConfigureAwait(false);
        }
    }

    private void OnAppMessage(Message message, TriggerProcessor processor)
    {
        switch (message)
        {
            case Reset:
                processor.ResetLaps();
                PipelineLog.AppReset(_logger);
                break;
            case UpdateEventStatus status:
                PipelineLog.RaceStatus(_logger, status.Status);
                break;
            case UnknownMessage unknown:
                PipelineLog.UnknownFrame(_logger, unknown.UnknownType);
                break;
            default:
                break;
        }
        _status.FromApp(message);
    }

    private void OnDurabilityChanged(OutboxDurabilityChange change)
    {
        if (change.Problem is { } problem)
        {
            PipelineLog.NotDurable(_logger, problem.Path, problem.Cause, change.Unwritten, problem.Fix);
        }
        else
        {
            PipelineLog.DurableAgain(_logger, _options.OutboxPath, change.Written);
        }
        StatusChanged?.Invoke(this, EventArgs.Empty);
    }

    private SqliteOutbox OpenOutbox()
    {
        try
        {
            var opened = OutboxRecovery.OpenOrRecover(_options.OutboxPath, _options.TimeProvider);
            if (opened.Recovered)
            {
                PipelineLog.OutboxMovedAside(_logger, _options.OutboxPath, opened.Problem, opened.MovedAsideTo);
                OutboxRecovered?.Invoke(this, opened);
            }
            return opened.Outbox;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Not an environment problem OutboxRecovery recognised: say what SQLite or the OS said.
            throw new InvalidOperationException($"cannot open the outbox {_options.OutboxPath}: {ex.Message}", ex);
        }
    }

    /// <summary>Closes the outbox (one more try to write what is kept in memory), then releases the lock.</summary>
    public ValueTask DisposeAsync()
    {
        if (_outbox is { } outbox)
        {
            outbox.Dispose();
            if (outbox.Problem is { } problem && outbox.Unwritten is var lost and > 0)
            {
                PipelineLog.LostAtExit(_logger, lost, problem.Path, problem.Cause);
            }
        }
        _lock?.Dispose();
        return ValueTask.CompletedTask;
    }
}
