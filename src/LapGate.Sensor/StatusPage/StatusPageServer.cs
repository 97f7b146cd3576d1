using System.Net;
using LapGate.Protocol.Validation;
using LapGate.Sensor.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using LapGate.Web;

namespace LapGate.Sensor.StatusPage;

/// <summary>
/// The sensor's read-only live status page (<c>lapgate sensor --status HOST:PORT</c>): <c>/</c> the page,
/// <c>/api/status</c> the same as JSON, <c>/api/events</c> the push stream, <c>/static/{file}</c>. Anything but
/// GET or HEAD gets 405; then LapGate.Web's request guards (Host against DNS rebinding: 400; Origin: 403).
/// </summary>
public sealed class StatusPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PushFeed _feed;
    private readonly CancellationTokenSource _stopping;
    private readonly SensorRunner _runner;
    private readonly EventHandler _onChanged;
    private int _disposed;

    private StatusPageServer(WebApplication app, PushFeed feed, CancellationTokenSource stopping, SensorRunner runner)
    {
        _app = app;
        _feed = feed;
        _stopping = stopping;
        _runner = runner;
        _onChanged = (_, _) => _feed.SignalAll();
        runner.StatusChanged += _onChanged;
    }

    /// <summary><c>http://HOST:PORT/</c> as bound (127.0.0.1 when bound to every interface).</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Open push streams.</summary>
    public int LiveClientCount => _feed.Count;

    /// <summary>Listens and serves <paramref name="runner"/>'s status and <paramref name="log"/>'s last lines.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<StatusPageServer> StartAsync(StatusPageOptions options, SensorRunner runner, Func<IReadOnlyList<string>>? log = null,
        ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runner);
        StatusPageOptionsValidator.Instance.ThrowIfInvalid(options);
        log ??= () => [];
        // Nothing is ever read from a body (only GET and HEAD are answered); a small one is drained, not an error.
        var builder = EmbeddedWebHost.CreateBuilder(new IPEndPoint(EmbeddedWebHost.ListenAddress(options.Bind), options.Port), "LapGate.Sensor.StatusPage",
            maxRequestBodySize: 4096);
        if (loggerFactory is not null)
        {
            // Kestrel's warnings and errors go to the sensor's log; its per-request chatter does not.
            builder.Logging.AddProvider(new ForwardingProvider(loggerFactory));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // A port that cannot be bound is reported by the caller in plain words, not as the host's stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        }
        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        StatusUpdate State() => new(runner.Status, log());
        var server = new StatusPageServer(app, PushFeed.Json(State, StatusJsonContext.Default.StatusUpdate, options.TimeProvider, stopping.Token), stopping, runner);
        var assets = StatusAssets.Load();
        // Read-only first: a write is 405 whoever sends it; then the guards every LapGate server has.
        app.Use(ReadOnly);
        app.UseRequestGuards(options.Guards, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LapGate.Sensor.StatusPage"));
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], http => assets.WriteAsync(http, "index.html"));
        app.MapMethods("/static/{file}", [HttpMethods.Get, HttpMethods.Head], http => assets.WriteAsync(http, http.Request.RouteValues["file"] as string));
        app.MapMethods("/favicon.ico", [HttpMethods.Get, HttpMethods.Head], http => assets.WriteAsync(http, "icon.svg"));
        app.MapMethods("/api/status", [HttpMethods.Get, HttpMethods.Head], async http =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache, no-store";
            if (!HttpMethods.IsHead(http.Request.Method))
            {
                await JsonSerializer.SerializeAsync(http.Response.Body, State(), StatusJsonContext.Default.StatusUpdate, http.RequestAborted).ConfigureAwait(false);
            }
        });
        app.MapMethods("/api/events", [HttpMethods.Get, HttpMethods.Head], (RequestDelegate)server._feed.ServeAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var port = EmbeddedWebHost.BoundPort(app);
        var ip = EmbeddedWebHost.ListenAddress(options.Bind);
        var host = ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase)
            ? "127.0.0.1"
            : ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        server.Url = new Uri($"http://{host}:{port}/");
        return server;
    }

    /// <summary>The page is read-only: anything but GET and HEAD is 405, whatever the path.</summary>
    private static Task ReadOnly(HttpContext http, RequestDelegate next)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return next(http);
        }
        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        http.Response.Headers.Allow = "GET, HEAD";
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync("The sensor's status page is read-only: only GET and HEAD.\n", http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _runner.StatusChanged -= _onChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Hands the web host's log lines to the sensor's logger factory.</summary>
    private sealed class ForwardingProvider(ILoggerFactory target) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
