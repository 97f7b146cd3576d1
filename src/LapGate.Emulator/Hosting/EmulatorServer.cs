using System.Net;
using LapGate.Emulator.Api;
using LapGate.Protocol.Codec;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Dashboard;
using LapGate.Emulator.Faults;
using LapGate.Emulator.Logging;
using LapGate.Emulator.Race;
using LapGate.Emulator.Storage;
using LapGate.Protocol.Validation;
using LapGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LapGate.Emulator.Hosting;

/// <summary>
/// The SmartRace Connect emulator: one port for the WebSocket (upgrade at <c>/</c>) and the HTTP API.
/// Start with <see cref="StartAsync"/>; <see cref="DisposeAsync"/> closes every connection and the database.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private readonly IRaceStore _store;
    private readonly CancellationTokenSource _stopping;
    private readonly EmbeddedPageFiles _assets;
    private readonly LiveFeed _feed;
    private int _disposed;

    private EmulatorServer(WebApplication app, EmulatorContext context, IRaceStore store, EmbeddedPageFiles assets, CancellationTokenSource stopping)
    {
        _app = app;
        _context = context;
        _store = store;
        _assets = assets;
        _stopping = stopping;
        _feed = new LiveFeed(context, stopping.Token);
    }

    /// <summary><c>ws://127.0.0.1:PORT/</c> (the bind address; loopback when bound to all interfaces).</summary>
    public Uri WebSocketUri { get; private set; } = new("ws://127.0.0.1/");

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri HttpUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The port actually listened on.</summary>
    public int Port => HttpUri.Port;

    /// <summary>The race engine (snapshots, change notification, commands).</summary>
    public RaceEngine Race => _context.Race;

    /// <summary>
    /// The fault switches now; setting them applies to the next frames of every connection (switches out of range
    /// throw <see cref="EmulatorConfigurationException"/>).
    /// </summary>
    public FaultOptions Faults
    {
        get => _context.Faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (FaultOptionsValidator.Instance.Validate(null, value).Problems() is { Count: > 0 } problems)
            {
                throw new EmulatorConfigurationException(problems);
            }
            _context.Faults = value;
        }
    }

    /// <summary>Open WebSocket connections.</summary>
    public int ConnectionCount => _context.Connections.Count;

    /// <summary>The open WebSocket connections (what <c>GET /api/connections</c> returns).</summary>
    public IReadOnlyList<ConnectionSummary> Connections() => _context.Connections.Describe();

    /// <summary>Open dashboard push streams (<c>GET /api/events</c>).</summary>
    public int LiveClientCount => _feed.Count;

    /// <summary>Ends every dashboard push stream, as a dropped network would; the pages reconnect by themselves. Returns how many.</summary>
    public int DropLiveClients() => _feed.DropAll();

    /// <summary>
    /// Validates <paramref name="options"/>, loads the drivers file and the database, and listens.
    /// Throws <see cref="EmulatorConfigurationException"/> listing every bad setting (see <see cref="EmulatorOptionsValidator"/>)
    /// or naming a bad drivers file or database, <see cref="IOException"/> when the port is taken.
    /// </summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (EmulatorOptionsValidator.Instance.Validate(null, options).Problems() is { Count: > 0 } problems)
        {
            throw new EmulatorConfigurationException(problems);
        }
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("LapGate.Emulator");
        var drivers = options.DriversFile is null ? DriversData.Default : DriversData.Load(options.DriversFile);

        var store = new SqliteRaceStore(options.DatabasePath);
        WebApplication? app = null;
        RaceEngine? race = null;
        try
        {
            race = LoadRace(drivers, store, options, logger);
            var context = new EmulatorContext(race, options.ApiVersion, options.MaxFrameBytes, options.TimeProvider, logger, options.Faults)
            {
                HandshakeTimeout = options.HandshakeTimeout,
                MaxConnections = options.MaxConnections,
                MaxConnectionsName = options.NameOptions(nameof(EmulatorOptions.MaxConnections)),
            };
            race.StateChanged += (_, state) =>
            {
                var clients = context.Connections.Broadcast(new Protocol.Messages.UpdateEventStatus(state.ToEventStatus()));
                EmulatorLog.RaceState(logger, state.ToApi(), state.ToEventStatus(), clients);
                if (state == RaceState.Ended && race.Snapshot() is { FinishReason: { } reason } snapshot)
                {
                    var winner = snapshot.WinnerId is { } id ? snapshot.Find(id) : null;
                    EmulatorLog.Finished(logger, reason, winner is null ? "none (no laps)" : $"controller {winner.Id} {winner.Driver}");
                }
            };

            // API bodies are a few bytes of JSON; nothing needs more than a SmartRace frame.
            var builder = EmbeddedWebHost.CreateBuilder(new IPEndPoint(EmbeddedWebHost.ListenAddress(options.Bind), options.Port), "LapGate.Emulator", loggerFactory,
                ProtocolLimits.MaxFrameBytes);
            builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, EmulatorJsonContext.Default));
            app = builder.Build();

            // Created before listening so the first request already has its handler.
            var server = new EmulatorServer(app, context, store, DashboardAssets.Load(), new CancellationTokenSource());
            app.Use(BadRequestGuard.Middleware(logger));
            // Host, Origin and JSON-only changes: nothing from another site's page reaches the race (see LapGate.Web).
            app.UseRequestGuards(options.Guards(), loggerFactory.CreateLogger("LapGate.Emulator.Guards"));
            app.UseWebSockets();
            if (options.ControlToken is { } token)
            {
                app.Use(ControlToken.Middleware(token));
            }
            app.Map("/", (RequestDelegate)server.HandleRootAsync);
            EmulatorApi.Map(app, context);
            SessionApi.Map(app, context);
            TrackApi.Map(app, context);
            DashboardEndpoints.Map(app, server._assets, server._feed, server.Hint);

            await ListenAsync(app, options, cancellationToken).ConfigureAwait(false);
            var port = EmbeddedWebHost.BoundPort(app);
            var host = IsAnyAddress(options.Bind) || string.Equals(options.Bind, "localhost", StringComparison.OrdinalIgnoreCase)
                ? "127.0.0.1"
                : EmbeddedWebHost.ListenAddress(options.Bind).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Bind}]" : options.Bind;
            server.WebSocketUri = new Uri($"ws://{host}:{port}/");
            server.HttpUri = new Uri($"http://{host}:{port}/");
            EmulatorLog.Listening(logger, server.WebSocketUri, server.HttpUri);
            if (!EmulatorOptions.IsLoopback(options.Bind))
            {
                EmulatorLog.NotLoopback(logger, options.Bind);
            }
            var loaded = race.Snapshot();
            EmulatorLog.Loaded(logger, loaded.State, loaded.Setup.ToString(), loaded.Session, options.DatabasePath ?? "in memory");
            if (options.Faults.Any)
            {
                EmulatorLog.FaultsChanged(logger, options.Faults.ToString());
            }
            return server;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
            race?.Dispose();
            store.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _context.Race.Dispose();
        _store.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleRootAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            // A browser (or curl) without the upgrade header gets the dashboard; the text hint is at /api.
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                await _assets.WriteAsync(http, "index.html").ConfigureAwait(false);
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                http.Response.Headers.Allow = "GET, HEAD";
            }
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var remote = http.Connection.RemoteIpAddress is { } ip ? $"{ip}:{http.Connection.RemotePort}" : "unknown";
        var connection = new EmulatorConnection(_context.Connections.NextId(), remote, socket, _context);
        if (!_context.Connections.TryAdd(connection, _context.MaxConnections))
        {
            EmulatorLog.TooManyConnections(_context.Logger, connection.Id, remote, _context.MaxConnections, _context.MaxConnectionsName);
            await RefuseAsync(socket, $"too many connections (limit {_context.MaxConnections}); try again later").ConfigureAwait(false);
            return;
        }
        connection.StartHandshakeClock();
        EmulatorLog.Connected(_context.Logger, connection.Id, remote);
        var reason = CloseReason.Aborted;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, http.RequestAborted);
            reason = await connection.RunAsync(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _context.Connections.Remove(connection);
            EmulatorLog.Disconnected(_context.Logger, connection.Id, EmulatorConnection.DescribeClose(reason));
        }
    }

    /// <summary>Closes a connection over the cap with 1013 ("try again later") and the reason; best effort.</summary>
    private async Task RefuseAsync(System.Net.WebSockets.WebSocket socket, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _context.TimeProvider);
        try
        {
            await socket.CloseOutputAsync((System.Net.WebSockets.WebSocketCloseStatus)1013, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or OperationCanceledException)
        {
            // The peer is gone already.
        }
    }

    private string Hint() =>
        $"LapGate SmartRace Connect emulator. WebSocket: {WebSocketUri}  Dashboard: {HttpUri}  API: {HttpUri}api/race " +
        $"(also /api/race/setup|start|stop|suspend|resume|reset, /api/events, /api/connections, /api/sessions, /api/tracks, /api/drivers, /api/faults)\n";

    /// <summary>The race engine over the store; a database that fails while it is read is refused in plain words.</summary>
    private static RaceEngine LoadRace(Protocol.Messages.UpdateControllerData drivers, SqliteRaceStore store, EmulatorOptions options, ILogger logger)
    {
        try
        {
            return new RaceEngine(drivers, store, options.TimeProvider, logger, driversFromFile: options.DriversFile is not null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new EmulatorConfigurationException(
                $"database {options.DatabasePath} could not be read ({ex.Message}). Start with {EmulatorOptions.AnotherDatabase}; the file is kept as it is", ex);
        }
    }

    /// <summary>Starts Kestrel; an address this machine lacks or a port it may not use is one plain message.</summary>
    private static async Task ListenAsync(WebApplication app, EmulatorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressNotAvailable)
        {
            throw new EmulatorConfigurationException(
                $"{nameof(EmulatorOptions.Bind)}: this machine has no address {options.Bind}; use 127.0.0.1 (this machine only), 0.0.0.0 (every network) or one of its own addresses (see `ip addr`)", ex);
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AccessDenied)
        {
            throw new EmulatorConfigurationException($"{nameof(EmulatorOptions.Port)}: {options.Port} needs administrator rights on this machine; use a port above 1023 (the default is {EmulatorOptions.DefaultPort})", ex);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new IOException(ex.Message, ex);
        }
    }

    private static bool IsAnyAddress(string bind) =>
        IPAddress.TryParse(bind, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
}
