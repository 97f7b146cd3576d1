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
    private Task BridgeCloseAsync(WebSocket socket, FrameDirection direction, WebSocketCloseStatus code, string reason) =>
        SendCloseAsync(socket, direction, code, reason, awaitReply: false);

    /// <summary>Closes a socket nobody else reads: sends the close and waits for the reply.</summary>
    private Task HandshakeCloseAsync(WebSocket socket, FrameDirection direction, WebSocketCloseStatus code, string reason) =>
        SendCloseAsync(socket, direction, code, reason, awaitReply: true);

    /// <summary>
    /// Records and sends a close, within <see cref="BridgeOptions.CloseTimeout"/>; a socket that cannot take it in time
    /// (or at all) is aborted. With <paramref name="awaitReply"/> the close also reads the peer's reply.
    /// </summary>
    private async Task SendCloseAsync(WebSocket socket, FrameDirection direction, WebSocketCloseStatus code, string reason, bool awaitReply)
    {
        if (!CanSend(socket))
        {
            return;
        }
        await RecordAsync(BridgeEventKind.Close, direction, default, (int)code, reason).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout, _options.TimeProvider);
            var closing = awaitReply
                ? socket.CloseAsync(code, reason, timeout.Token)
                : socket.CloseOutputAsync(code, reason, timeout.Token);
            await closing.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            socket.Abort();
        }
    }
}
