using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LapGate.Bridge.Tests.Support;

/// <summary>
/// A scripted SmartRace app on 127.0.0.1 port 0: answers <c>{"type":"api_version"}</c> with the three
/// replies of the api-v7 capture, echoes closes, records every frame, and lets a test send any frame at
/// any time, refuse handshakes, or close connections.
/// </summary>
public sealed class StandInApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<StandInConnection> _connections = Channel.CreateUnbounded<StandInConnection>();
    private readonly TimeProvider _clock;
    private int _refuse;
    private readonly System.Collections.Concurrent.ConcurrentBag<StandInConnection> _all = [];
    private int _accepted;
    private long _sequence;

    private StandInApp(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>The three app frames that answer api_version in the api-v7 capture.</summary>
    public static IReadOnlyList<string> HandshakeReplies { get; } = CaptureTranscript.Summary("api-v7-session.txt")
        .Where(f => f.Direction == CaptureDirection.AppToSensor).Take(3).Select(f => f.Text).ToList();

    public Uri Uri { get; private set; } = null!;

    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Errors thrown inside connection handlers (a test should see none).</summary>
    public List<Exception> Errors { get; } = [];

    public static async Task<StandInApp> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new StandInApp(app, clock ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(standIn.HandleAsync);
        await app.StartAsync().Within();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Uri = new UriBuilder(address) { Scheme = "ws", Path = "/app" }.Uri;
        return standIn;
    }

    /// <summary>When set, every new connection is closed by the stand-in after that many frames.</summary>
    public (int AfterFrames, int Code, string Reason)? CloseAfter { get; set; }

    /// <summary>When false, the stand-in never answers a peer's close (to test close timeouts).</summary>
    public bool AnswerCloses { get; set; } = true;

    /// <summary>The next <paramref name="count"/> WebSocket handshakes get HTTP 503.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    public Task<StandInConnection> NextConnectionAsync() => _connections.Reader.ReadAsync().AsTask().Within();

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Interlocked.Decrement(ref _refuse) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        Interlocked.Exchange(ref _refuse, 0);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _accepted);
        var connection = new StandInConnection(socket, context.Request.Path + context.Request.QueryString, _clock, () => Interlocked.Increment(ref _sequence)) { CloseAfter = CloseAfter, AnswerCloses = AnswerCloses };
        _all.Add(connection);
        await _connections.Writer.WriteAsync(connection);
        try
        {
            await connection.RunAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (Errors)
            {
                Errors.Add(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            connection.Release();
        }
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
