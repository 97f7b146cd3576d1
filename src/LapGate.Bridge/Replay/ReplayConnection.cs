using System.Net.WebSockets;
using LapGate.Bridge.Forwarding;
using LapGate.Bridge.Recording;
using LapGate.Protocol.Transport;

namespace LapGate.Bridge.Replay;

/// <summary>Replays one recorded connection: connects, sends its frames on schedule, prints replies, closes.</summary>
internal sealed class ReplayConnection
{
    private readonly ReplayConnectionPlan _plan;
    private readonly ReplayOptions _options;
    private readonly TextWriter? _output;
    private readonly ReplayCounters _counters;
    private WebSocketCloseStatus? _targetCloseCode;
    private string? _targetCloseReason;
    private string? _receiveError;

    public ReplayConnection(ReplayConnectionPlan plan, ReplayOptions options, TextWriter? output, ReplayCounters counters)
    {
        _plan = plan;
        _options = options;
        _output = output;
        _counters = counters;
    }

    /// <summary>Null on success, otherwise the failure.</summary>
    public async Task<ReplayResult?> RunAsync(CancellationToken cancellationToken)
    {
        var target = _options.Target!;
        var clock = _options.TimeProvider;
        using var socket = new ClientWebSocket();
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await socket.ConnectAsync(target, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Fail(ReplayOutcome.TargetUnreachable, $"target {target} unreachable: {CloseReasons.Describe(ex)}");
        }
        var connected = clock.GetTimestamp();
        Print($"connected to {target} (capture connection {_plan.Connection}, {_plan.Steps.Count} frames to send)");
        var receive = ReceiveLoopAsync(socket, cancellationToken);
        var sent = 0;
        var closing = false;
        foreach (var step in _plan.Steps)
        {
            await WaitUntilAsync(step.Ms, connected, receive, cancellationToken).ConfigureAwait(false);
            if (receive.IsCompleted || socket.State != WebSocketState.Open)
            {
                break;
            }
            try
            {
                if (step.Kind == WebSocketMessageType.Close)
                {
                    var code = step.CloseCode is { } c ? (WebSocketCloseStatus)c : WebSocketCloseStatus.Empty;
                    Print($"→ close {step.CloseCode?.ToString(CultureInfo.InvariantCulture) ?? "(no code)"} {step.CloseReason} (line {step.Line})");
                    await socket.CloseOutputAsync(code, step.CloseCode is null ? null : step.CloseReason, cancellationToken).ConfigureAwait(false);
                    closing = true;
                    sent++;
                    break;
                }
                await socket.SendAsync(step.Payload, step.Kind, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                sent++;
                _counters.CountSent();
                Print($"→ sent (line {step.Line}){Separator(step.Kind)}{FrameFormatter.Describe(step.Kind, step.Payload)}");
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException)
            {
                _receiveError ??= CloseReasons.Describe(ex);
                break;
            }
        }
        if (sent < _plan.Required)
        {
            await receive.ConfigureAwait(false);
            socket.Abort();
            var why = _targetCloseCode is { } code
                ? $"closed it with {(int)code} {_targetCloseReason}".TrimEnd()
                : $"lost it: {_receiveError ?? "connection ended"}";
            return Fail(ReplayOutcome.ClosedEarly,
                $"connection #{_plan.Connection}: the target {why} after {sent} of {_plan.Required} frames (next: capture line {_plan.Steps[sent].Line})");
        }
        if (!closing && socket.State == WebSocketState.Open)
        {
            await WaitUntilAsync(_plan.EndMs, connected, receive, cancellationToken).ConfigureAwait(false);
            if (socket.State == WebSocketState.Open)
            {
                Print("→ close 1000 replay done");
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "replay done", cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or IOException or InvalidOperationException)
                {
                    Print($"the connection ended before the close: {CloseReasons.Describe(ex)}");
                }
            }
        }
        try
        {
            await receive.WaitAsync(_options.CloseTimeout, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Print($"the target did not answer the close within {_options.CloseTimeout.TotalSeconds:0.#} s; connection dropped");
            socket.Abort();
        }
        return null;
    }

    private async Task WaitUntilAsync(double ms, long connected, Task receive, CancellationToken cancellationToken)
    {
        var wait = CaptureReplayer.Scale(ms - _plan.OpenMs, _options) - _options.TimeProvider.GetElapsedTime(connected);
        if (wait <= TimeSpan.Zero || receive.IsCompleted)
        {
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, _options.TimeProvider, stop.Token);
        await Task.WhenAny(delay, receive).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ReceiveLoopAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var reader = new WebSocketMessageReader(socket, _options.MaxMessageBytes);
        try
        {
            while (true)
            {
                var message = await reader.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                if (message.IsClose)
                {
                    _targetCloseCode = message.CloseStatus;
                    _targetCloseReason = message.CloseDescription;
                    Print($"← close {((int?)message.CloseStatus)?.ToString(CultureInfo.InvariantCulture) ?? "(no code)"} {message.CloseDescription}");
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(message.CloseStatus ?? WebSocketCloseStatus.Empty,
                            message.CloseStatus is null ? null : message.CloseDescription, cancellationToken).ConfigureAwait(false);
                    }
                    return;
                }
                _counters.CountReceived();
                Print($"← received{Separator(message.Kind)}{FrameFormatter.Describe(message.Kind, message.Payload.Span)}");
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or WebSocketMessageTooLargeException or InvalidOperationException)
        {
            _receiveError = CloseReasons.Describe(ex);
        }
    }

    private static string Separator(WebSocketMessageType kind) => kind == WebSocketMessageType.Text ? Environment.NewLine : " ";

    private void Print(string text)
    {
        if (_output is null)
        {
            return;
        }
        var time = _options.TimeProvider.GetLocalNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        _output.WriteLine($"{time} #{_plan.Connection} {text}");
        _output.Flush();
    }

    private ReplayResult Fail(ReplayOutcome outcome, string message) => new(outcome, message, 0, 0, 0);
}
