using System.Net.WebSockets;
using System.Threading.Channels;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Validation;
using LapGate.Sensor.Events;
using LapGate.Sensor.Outbox;

namespace LapGate.Sensor.Link;

/// <summary>
/// The one long-lived loop that owns the connection to the app: connect, handshake, register as "Z",
/// replay unconfirmed events in order, send new ones, confirm, and on any drop reconnect with the retry policy.
/// Events are marked delivered in the outbox only once confirmed: the app answered a ping sent after their frames
/// (see <see cref="DeliveryTap"/>), so its WebSocket layer read past them.
/// </summary>
public sealed partial class AppLink
{
    private readonly Uri _server;
    private readonly IOutbox _outbox;
    private readonly LinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PendingQueue _unconfirmed = new();
    private int _pendingCount;
    private int _state;
    private int _apiVersion;
    private long _lastRegistered;
    private ChannelReader<SensorEvent>? _queued;

    public AppLink(Uri server, IOutbox outbox, LinkOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(outbox);
        _options = options ?? new LinkOptions();
        LinkOptionsValidator.Instance.ThrowIfInvalid(_options);
        _server = server;
        _outbox = outbox;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The link's state.</summary>
    public LinkState State => (LinkState)Volatile.Read(ref _state);

    /// <summary>The app's api version from its last <c>api_version</c> reply, or null.</summary>
    public int? ApiVersion => Volatile.Read(ref _apiVersion) is var v and > 0 ? v : null;

    /// <summary>Events written but not yet confirmed (including those still queued for the link).</summary>
    public int PendingCount => Volatile.Read(ref _pendingCount) + (_queued is { CanCount: true } queued ? queued.Count : 0);

    /// <summary>The state changed.</summary>
    public event EventHandler<LinkState>? StateChanged;

    /// <summary>The link dropped; the argument names the cause and the delay before the next attempt.</summary>
    public event EventHandler<ReconnectEventArgs>? Reconnecting;

    /// <summary>A frame from the app, parsed (unknown types as <see cref="UnknownMessage"/>).</summary>
    public event EventHandler<Message>? MessageReceived;

    /// <summary>Events whose frames were fully sent on the current connection (replays included).</summary>
    public event EventHandler<IReadOnlyList<SensorEvent>>? Sent;

    /// <summary>Events confirmed delivered and marked so in the outbox, in order.</summary>
    public event EventHandler<IReadOnlyList<SensorEvent>>? Confirmed;

    /// <summary>
    /// Runs until <paramref name="events"/> is completed and every event (including those left in the outbox by
    /// a previous run) is confirmed. Cancelling stops: on a live connection the events already queued are sent, a last
    /// ping and the close frame follow, and what the app's pong confirms is marked delivered (at most about
    /// <see cref="LinkOptions.CloseTimeout"/>); then it throws <see cref="OperationCanceledException"/>. Unconfirmed
    /// events stay in the outbox.
    /// </summary>
    public async Task RunAsync(ChannelReader<SensorEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        _queued = events;
        foreach (var e in _outbox.Pending())
        {
            _unconfirmed.Add(e);
        }
        if (_unconfirmed.Count > 0)
        {
            LinkLog.PreviousRunPending(_logger, _unconfirmed.Count);
        }
        UpdatePending();
        _lastRegistered = _time.GetTimestamp();
        var attempt = 0;
        try
        {
            while (true)
            {
                Drain(events);
                if (events.Completion.IsCompleted && _unconfirmed.Count == 0)
                {
                    return;
                }
                try
                {
                    await RunConnectionAsync(events, () => attempt = 0, ct).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ct.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    // A failure that meets the stop (a refused connect as Ctrl+C comes) is the stop, not an error.
                    throw new OperationCanceledException("the link was stopped", ex, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    var drop = ex as LinkDroppedException ?? new LinkDroppedException(ReconnectCause.ConnectionLost, ex.Message, ex);
                    attempt++;
                    // Events queued during the connect or handshake count as pending too (they are this sensor's).
                    Drain(events);
                    SetState(LinkState.Disconnected);
                    var delay = _options.RetryPolicy.NextDelay(new RetryContext(attempt, drop.Cause, _time.GetElapsedTime(_lastRegistered)));
                    LinkLog.Dropped(_logger, _server, drop.Cause, drop.Message, _unconfirmed.Count, attempt, (long?)delay?.TotalMilliseconds);
                    Reconnecting?.Invoke(this, new ReconnectEventArgs(drop.Cause, attempt, delay, drop.Message));
                    if (delay is not { } wait)
                    {
                        throw new InvalidOperationException($"gave up connecting to {_server} after {attempt} attempt(s): {drop.Message}", drop);
                    }
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, ct).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            SetState(LinkState.Stopped);
        }
    }

    private void Drain(ChannelReader<SensorEvent> events)
    {
        var added = false;
        while (events.TryRead(out var e))
        {
            _unconfirmed.Add(e);
            added = true;
        }
        if (added)
        {
            UpdatePending();
        }
    }

    private void UpdatePending() => Volatile.Write(ref _pendingCount, _unconfirmed.Count);

    private void SetState(LinkState state)
    {
        if (Interlocked.Exchange(ref _state, (int)state) != (int)state)
        {
            StateChanged?.Invoke(this, state);
        }
    }

    private void OnMessage(Message message)
    {
        if (message is ApiVersionReply reply)
        {
            Volatile.Write(ref _apiVersion, reply.ApiVersion);
        }
        MessageReceived?.Invoke(this, message);
    }
}
