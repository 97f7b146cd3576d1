using System.Net.WebSockets;
using LapGate.Bridge.Events;

namespace LapGate.Bridge.Forwarding;

/// <summary>Closes the bridge sends on its own behalf.</summary>
internal sealed partial class BridgeConnection
{
    private string Side(WebSocket socket) => ReferenceEquals(socket, _client) ? "client" : "upstream";

    private static bool CanSend(WebSocket socket) =>
        socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    /// <summary>Sends a close of the bridge's own; the pump reading that socket sees the reply.</summary>
    private async Task BridgeCloseAsync(WebSocket socket, FrameDirection direction, WebSocketCloseStatus code, string reason)
    {
        if (!CanSend(socket))
        {
            return;
        }
        await RecordAsync(BridgeEventKind.Close, direction, default, (int)code, reason).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider);
            await socket.CloseOutputAsync(code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            socket.Abort();
        }
    }

    /// <summary>Closes a socket nobody else reads: sends the close and waits for the reply.</summary>
    private async Task HandshakeCloseAsync(WebSocket socket, FrameDirection direction, WebSocketCloseStatus code, string reason)
    {
        if (!CanSend(socket))
        {
            return;
        }
        await RecordAsync(BridgeEventKind.Close, direction, default, (int)code, reason).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider);
            await socket.CloseAsync(code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
