using System.Threading.Channels;
using LapGate.Sensor.Outbox;

namespace LapGate.Sensor.Pipeline;

/// <summary>
/// Flushes the outbox to disk on a task of its own, so an fsync never holds up a trigger or a send: the pipeline
/// asks after each batch is committed and queued for sending, the link after it marked events delivered (without
/// that, a power cut could undo the marks and the next start would send those events again). Requests made during
/// a flush are served together by one more flush, so an event is on disk at most about two fsyncs after its commit.
/// </summary>
internal sealed class OutboxFlusher : IAsyncDisposable
{
    private readonly IOutbox _outbox;
    private readonly ILogger _logger;
    private readonly Action<long> _flushed;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });
    private readonly Task _loop;

    /// <param name="outbox">The open outbox.</param>
    /// <param name="logger">Where a failed flush is logged.</param>
    /// <param name="flushed">Called on the flusher's task after each flush, with <see cref="IOutbox.DurableThrough"/>.</param>
    public OutboxFlusher(IOutbox outbox, ILogger logger, Action<long> flushed)
    {
        _outbox = outbox;
        _logger = logger;
        _flushed = flushed;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Asks for a flush of everything committed so far (returns at once; never blocks).</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Serves the last request, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var before = _outbox.DurableThrough;
            long durable;
            try
            {
                durable = _outbox.FlushToDisk();
            }
            catch (IOException ex)
            {
                PipelineLog.FlushFailed(_logger, _outbox.Path, ex.Message, before);
                continue;
            }
            _flushed(durable);
        }
    }
}
