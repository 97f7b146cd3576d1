using System.Buffers;
using System.Net.WebSockets;
using LapGate.Protocol.Codec;

namespace LapGate.Protocol.Transport;

/// <summary>
/// Reads whole messages from a <see cref="WebSocket"/>, joining fragments, with a size limit.
/// One reader per socket; not thread-safe (a WebSocket allows one receive at a time anyway).
/// The returned payload is valid until the next call.
/// </summary>
public sealed class WebSocketMessageReader : IDisposable
{
    private readonly WebSocket _socket;
    private readonly int _maxBytes;
    private byte[] _buffer;

    public WebSocketMessageReader(WebSocket socket, int maxBytes = ProtocolLimits.MaxFrameBytes)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _socket = socket;
        _maxBytes = maxBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(4096, maxBytes));
    }

    /// <summary>
    /// Receives the next whole message. Throws <see cref="WebSocketMessageTooLargeException"/> when a
    /// message exceeds the limit (the caller should close the socket with <see cref="WebSocketCloseStatus.MessageTooBig"/>).
    /// </summary>
    public async ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                if (_buffer.Length >= _maxBytes)
                {
                    throw new WebSocketMessageTooLargeException(_maxBytes);
                }
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxBytes));
                _buffer.AsSpan(0, count).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            var room = Math.Min(_buffer.Length, _maxBytes) - count;
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(count, room), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new WebSocketMessage(WebSocketMessageType.Close, ReadOnlyMemory<byte>.Empty,
                    _socket.CloseStatus, _socket.CloseStatusDescription);
            }
            count += result.Count;
            if (result.EndOfMessage)
            {
                return new WebSocketMessage(result.MessageType, _buffer.AsMemory(0, count));
            }
            if (count >= _maxBytes)
            {
                throw new WebSocketMessageTooLargeException(_maxBytes);
            }
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
