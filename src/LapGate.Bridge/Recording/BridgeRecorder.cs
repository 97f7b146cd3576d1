using System.Threading.Channels;
using LapGate.Bridge.Capture;
using LapGate.Bridge.Events;

namespace LapGate.Bridge.Recording;

/// <summary>
/// The one writer of the live print-out and the capture file. Connections post events into a bounded
/// channel (full: the poster waits, so nothing is dropped); one task writes them in order and flushes
/// whenever the channel is drained, so a crash loses nothing already written.
/// </summary>
internal sealed partial class BridgeRecorder : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Channel<BridgeEvent> _events;
    private readonly TextWriter? _output;
    private readonly Stream? _capture;
    private readonly string? _capturePath;
    private readonly string _upstream;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly object _progressLock = new();
    private readonly List<(long Count, TaskCompletionSource Done)> _progressWaiters = [];
    private long _written;
    private bool _captureFailed;

    private BridgeRecorder(int capacity, TextWriter? output, Stream? capture, string? capturePath, string upstream, ILogger logger)
    {
        _events = Channel.CreateBounded<BridgeEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _output = output;
        _capture = capture;
        _capturePath = capturePath;
        _upstream = upstream;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Opens the capture file (which must not exist) and starts the writer.</summary>
    public static BridgeRecorder Create(BridgeOptions options, ILogger logger)
    {
        Stream? capture = null;
        if (options.CapturePath is not null)
        {
            try
            {
                capture = new FileStream(options.CapturePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096);
            }
            catch (IOException ex) when (File.Exists(options.CapturePath))
            {
                throw new IOException($"capture file {options.CapturePath} already exists; choose another name or delete it", ex);
            }
        }
        return new BridgeRecorder(options.RecorderCapacity, options.Output, capture, options.CapturePath, options.Upstream!.ToString(), logger);
    }

    /// <summary>Queues an event; waits when the queue is full.</summary>
    public ValueTask RecordAsync(BridgeEvent bridgeEvent) =>
        _events.Writer.TryWrite(bridgeEvent) ? ValueTask.CompletedTask : _events.Writer.WriteAsync(bridgeEvent);

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_capture is not null)
        {
            await _capture.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _events.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var count = 0;
            while (reader.TryRead(out var item))
            {
                Write(item);
                count++;
            }
            Flush();
            Progress(count);
        }
    }

    private void Write(BridgeEvent item)
    {
        if (_capture is not null && !_captureFailed)
        {
            try
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(CaptureRecords.From(item, _upstream), CaptureJsonContext.Readable.CaptureRecord);
                _capture.Write(line);
                _capture.Write(NewLine);
            }
            catch (IOException ex)
            {
                FailCapture(ex);
            }
        }
        if (_output is not null)
        {
            try
            {
                _output.Write(BridgeEventPrinter.Format(item, _upstream));
            }
            catch (IOException)
            {
                // A closed console must not stop forwarding or capturing.
            }
        }
    }

    private void Flush()
    {
        if (_capture is not null && !_captureFailed)
        {
            try
            {
                _capture.Flush();
            }
            catch (IOException ex)
            {
                FailCapture(ex);
            }
        }
        try
        {
            _output?.Flush();
        }
        catch (IOException)
        {
            // See Write.
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> events are written and flushed.</summary>
    internal Task WaitForWrittenAsync(long count)
    {
        lock (_progressLock)
        {
            if (_written >= count)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _progressWaiters.Add((count, done));
            return done.Task;
        }
    }

    private void Progress(int count)
    {
        lock (_progressLock)
        {
            _written += count;
            for (var i = _progressWaiters.Count - 1; i >= 0; i--)
            {
                if (_progressWaiters[i].Count <= _written)
                {
                    _progressWaiters[i].Done.TrySetResult();
                    _progressWaiters.RemoveAt(i);
                }
            }
        }
    }

    private void FailCapture(IOException ex)
    {
        _captureFailed = true;
        LogCaptureFailed(_logger, _capturePath, ex.Message, ex);
    }

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Capture file {Path} can no longer be written ({Reason}); forwarding goes on without capture")]
    private static partial void LogCaptureFailed(ILogger logger, string? path, string reason, Exception ex);
}
