using System.Collections.Concurrent;
using LapGate.Bridge.Events;
using LapGate.Bridge.Forwarding;
using LapGate.Bridge.Recording;
using LapGate.Protocol.Validation;
using LapGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace LapGate.Bridge;

/// <summary>
/// <c>lapgate bridge</c>: a WebSocket server (Kestrel) that gives each client its own connection to the
/// configured upstream and forwards both ways, printing and capturing every frame.
/// </summary>
public sealed partial class BridgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BridgeOptions _options;
    private readonly BridgeRecorder _recorder;
    private readonly EventClock _clock;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, (BridgeConnection Connection, Task Run)> _connections = new();
    private int _nextId;
    private int _disposed;

    private BridgeServer(WebApplication app, BridgeOptions options, BridgeRecorder recorder, ILogger logger)
    {
        _app = app;
        _options = options;
        _recorder = recorder;
        _logger = logger;
        _clock = new EventClock(options.TimeProvider);
    }

    /// <summary>The address clients connect to (with the real port when 0 was asked for).</summary>
    public Uri ListenUri { get; private set; } = null!;

    /// <summary>Completes once at least <paramref name="count"/> events are printed and in the capture file (for tests).</summary>
    internal Task WaitForRecordedAsync(long count) => _recorder.WaitForWrittenAsync(count);

    /// <summary>How many clients are connected now.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Validates the options, opens the capture file, and starts listening.</summary>
    public static async Task<BridgeServer> StartAsync(BridgeOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        BridgeOptionsValidator.Instance.ThrowIfInvalid(options);
        var endpoint = BridgeOptions.ParseListen(options.Listen);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("LapGate.Bridge");

        var app = EmbeddedWebHost.CreateBuilder(endpoint, loggerFactory: loggerFactory).Build();

        var recorder = BridgeRecorder.Create(options, logger);
        var server = new BridgeServer(app, options, recorder, logger);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await recorder.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            DeleteIfEmpty(options.CapturePath);
            throw;
        }
        server.ListenUri = new UriBuilder(EmbeddedWebHost.BoundAddress(app)) { Scheme = "ws" }.Uri;
        LogListening(logger, server.ListenUri, options.Upstream!);
        return server;
    }

    /// <summary>A capture file created by a start that then failed (e.g. port in use) must not block the next try.</summary>
    private static void DeleteIfEmpty(string? path)
    {
        if (path is not null && File.Exists(path) && new FileInfo(path).Length == 0)
        {
            File.Delete(path);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"lapgate bridge: WebSocket clients only (upstream {_options.Upstream})\n").ConfigureAwait(false);
            return;
        }
        if (Volatile.Read(ref _disposed) != 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextId);
        var connection = new BridgeConnection(id, socket, _options, _recorder, _clock, _logger);
        var remote = $"{context.Connection.RemoteIpAddress}:{context.Connection.RemotePort}";
        var run = connection.RunAsync(remote);
        _connections[id] = (connection, run);
        if (Volatile.Read(ref _disposed) != 0)
        {
            // Accepted while the bridge was stopping: DisposeAsync may not have seen it.
            await connection.StopAsync().ConfigureAwait(false);
        }
        try
        {
            await run.ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    /// <summary>Closes every connection (1001 "bridge stopping"), stops listening, and flushes the capture.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        var open = _connections.Values.ToList();
        await Task.WhenAll(open.Select(c => c.Connection.StopAsync())).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(open.Select(c => c.Run)).WaitAsync(_options.CloseTimeout + _options.CloseTimeout, _options.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            foreach (var c in open)
            {
                c.Connection.Abort();
            }
        }
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _recorder.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Bridge listening on {Listen}, forwarding to {Upstream}")]
    private static partial void LogListening(ILogger logger, Uri listen, Uri upstream);
}
