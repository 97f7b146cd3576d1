using System.Threading.Channels;
using LapGate.Sensor.Outbox;
using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Pipeline;

/// <summary>
/// Flushes the outbox to disk after the link marked events delivered, on its own task so the fsync never holds
/// up a send. Without it a power cut could lose the delivery marks made since the last batch's flush, and the
/// next start would send those events again. Requests made during a flush are served by one more flush.
/// </summary>
internal sealed class DeliveryMarkFlusher : IAsyncDisposable
{
    private readonly SqliteOutbox _outbox;
    private readonly ILogger _logger;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });
    private readonly Task _loop;

    public DeliveryMarkFlusher(SqliteOutbox outbox, ILogger logger)
    {
        _outbox = outbox;
        _logger = logger;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Asks for a flush (returns at once; never blocks).</summary>
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
            try
            {
                _outbox.FlushToDisk();
            }
            catch (IOException ex)
            {
                _logger.LogError("cannot flush the outbox {Path} to disk ({Problem}): after a power cut, events confirmed " +
                    "delivered in the last moments could be sent again", _outbox.Path, ex.Message);
            }
        }
    }
}
