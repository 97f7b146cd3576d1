using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LapGate.Sensor.Link;

/// <summary>
/// The plaintext stream under the sensor's <see cref="System.Net.WebSockets.ClientWebSocket"/> (installed with
/// <see cref="System.Net.Http.SocketsHttpHandler.PlaintextStreamFilter"/>, so under TLS too). It passes every byte
/// through unchanged and in order, counts the bytes written, and can put a ping frame of its own between two frames
/// the WebSocket writes (each of the WebSocket's frames is one write; a ping goes in only at a frame boundary). It
/// follows the frames coming back; when the pong to one of its pings arrives, the app's WebSocket layer has read
/// every byte written before that ping: <see cref="ConfirmedThrough"/> moves to where the ping began.
/// </summary>
internal sealed class DeliveryTap : Stream
{
    private const byte OpPing = 0x9;
    private const byte OpPong = 0xA;
    private const int PayloadLength = 12;

    private readonly Stream _inner;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly FrameScanner _written = new();
    private readonly FrameScanner _read = new();
    private readonly Lock _gate = new();
    private readonly Queue<(long Number, long Offset, long SentAt)> _pings = new();
    private readonly Func<long> _timestamp;
    private long _lastReadAt;
    private readonly byte[] _tag = new byte[4];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesWritten;
    private long _confirmedThrough = -1;
    private long _nextPing;
    private int _closeReceived;

    /// <param name="inner">The connection's plaintext stream.</param>
    /// <param name="timestamp">The clock for <see cref="LastReadAt"/> and <see cref="OldestPingSentAt"/> (a TimeProvider's GetTimestamp).</param>
    public DeliveryTap(Stream inner, Func<long> timestamp)
    {
        _inner = inner;
        _timestamp = timestamp;
        _lastReadAt = timestamp();
        RandomNumberGenerator.Fill(_tag);
        _read.ControlFrame = OnFrameFromApp;
    }

    /// <summary>Bytes written so far (the HTTP upgrade request included). A frame whose write ended at or before
    /// <see cref="ConfirmedThrough"/> was read by the app's WebSocket layer.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Every byte before this offset has been read by the app (-1: nothing confirmed yet).</summary>
    public long ConfirmedThrough => Interlocked.Read(ref _confirmedThrough);

    /// <summary>The app's close frame has arrived.</summary>
    public bool CloseReceived => Volatile.Read(ref _closeReceived) != 0;

    /// <summary>True while one of this tap's pings waits for its pong.</summary>
    public bool PingOutstanding => OldestPingSentAt is not null;

    /// <summary>When the oldest ping still waiting for its pong was written, or null.</summary>
    public long? OldestPingSentAt
    {
        get
        {
            lock (_gate)
            {
                return _pings.TryPeek(out var ping) ? ping.SentAt : null;
            }
        }
    }

    /// <summary>When bytes from the app last arrived (or the tap was made).</summary>
    public long LastReadAt => Interlocked.Read(ref _lastReadAt);

    /// <summary>
    /// Completes at the next pong that moves <see cref="ConfirmedThrough"/>, or when the app's close arrives. Take it
    /// before looking at the state, then await it.
    /// </summary>
    public Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>
    /// Writes a ping after everything written so far, unless the connection is past its close frame or the tap lost
    /// track of the frames (then false: nothing can be confirmed by pings any more on this connection).
    /// </summary>
    public async Task<bool> SendPingAsync(CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_written.AtFrameBoundary || _written.SawClose || _written.Lost || _read.Lost)
            {
                return false;
            }
            var frame = new byte[2 + 4 + PayloadLength];
            frame[0] = 0x80 | OpPing;
            frame[1] = 0x80 | PayloadLength;
            RandomNumberGenerator.Fill(frame.AsSpan(2, 4));
            var payload = frame.AsSpan(6);
            var number = ++_nextPing;
            _tag.CopyTo(payload);
            BinaryPrimitives.WriteInt64BigEndian(payload[4..], number);
            for (var k = 0; k < payload.Length; k++)
            {
                payload[k] ^= frame[2 + (k % 4)];
            }
            var offset = BytesWritten;
            lock (_gate)
            {
                _pings.Enqueue((number, offset, _timestamp()));
            }
            _written.Scan(frame);
            Interlocked.Add(ref _bytesWritten, frame.Length);
            await _inner.WriteAsync(frame, ct).ConfigureAwait(false);
            await _inner.FlushAsync(ct).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void OnFrameFromApp(byte opcode, ReadOnlySpan<byte> payload)
    {
        // A pong after the app's close frame confirms nothing: an app that is closing may read on and drop.
        if (opcode == OpPong && payload.Length == PayloadLength && payload[..4].SequenceEqual(_tag) && !CloseReceived)
        {
            var number = BinaryPrimitives.ReadInt64BigEndian(payload[4..]);
            long? through = null;
            lock (_gate)
            {
                // A pong answers its ping and, since the app read the stream in order, every earlier one too
                // (RFC 6455 lets a peer answer only the latest of several pings).
                if (_pings.Any(p => p.Number == number))
                {
                    while (_pings.TryDequeue(out var ping))
                    {
                        through = ping.Offset;
                        if (ping.Number == number)
                        {
                            break;
                        }
                    }
                }
            }
            if (through is { } offset)
            {
                Interlocked.Exchange(ref _confirmedThrough, offset);
                Pulse();
            }
        }
        else if (opcode == 0x8)
        {
            Volatile.Write(ref _closeReceived, 1);
            Pulse();
        }
    }

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        OnRead(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        OnRead(buffer[..n]);
        return n;
    }

    private void OnRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0)
        {
            Interlocked.Exchange(ref _lastReadAt, _timestamp());
            _read.Scan(bytes);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _written.Scan(buffer.Span);
            Interlocked.Add(ref _bytesWritten, buffer.Length);
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _writeLock.Wait();
        try
        {
            _written.Scan(buffer);
            Interlocked.Add(ref _bytesWritten, buffer.Length);
            _inner.Write(buffer);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override bool CanRead => _inner.CanRead;

    public override bool CanWrite => _inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanTimeout => _inner.CanTimeout;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _writeLock.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
        GC.SuppressFinalize(this);
    }
}
