using System.Net;
using System.Net.WebSockets;
using System.Text;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LapGate.Faults.Tests.Support;

/// <summary>
/// An app that answers the handshake but sends garbage all the time: invalid JSON, binary frames, unknown
/// types, JSON that is not a message, and once (on the first connection, after a few laps) a 1 MB frame.
/// It records every analog_lap it receives.
/// </summary>
public sealed class GarbageApp : IAsyncDisposable
{
    private static readonly string[] Junk =
    [
        "{not json at all",
        "[1,2,3]",
        "{\"data\":{}}",
        "{\"type\":\"hello_from_the_future\",\"data\":{\"x\":[1,2]}}",
        "{\"type\":\"update_event_status\",\"data\":{}}",
        "\"just a string\"",
        "",
    ];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<AnalogLap> _laps = [];
    private int _connections;
    private int _hugeSent;

    private GarbageApp(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = new("ws://127.0.0.1/");

    /// <summary>Send the 1 MB frame after this many laps on the first connection.</summary>
    public int HugeFrameAfterLaps { get; init; } = 4;

    public event EventHandler? LapReceived;

    public IReadOnlyList<AnalogLap> Laps
    {
        get
        {
            lock (_gate)
            {
                return [.. _laps];
            }
        }
    }

    public static async Task<GarbageApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var garbage = new GarbageApp(app);
        app.UseWebSockets();
        app.Run(garbage.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        garbage.Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/");
        return garbage;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var number = Interlocked.Increment(ref _connections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var reader = new WebSocketMessageReader(socket, 1 << 20);
        var lapsHere = 0;
        try
        {
            while (true)
            {
                var frame = await reader.ReceiveAsync(context.RequestAborted);
                if (frame.IsClose || frame.Kind != WebSocketMessageType.Text || !MessageCodec.TryParse(frame.Payload, out var message, out _))
                {
                    if (frame.IsClose)
                    {
                        return;
                    }
                    continue;
                }
                switch (message)
                {
                    case ApiVersionRequest:
                        await SendJunkAsync(socket, all: true);
                        await SendAsync(socket, MessageCodec.Serialize(new UpdateControllerData([])));
                        await SendJunkAsync(socket, all: false);
                        await SendAsync(socket, MessageCodec.Serialize(new UpdateServerInfo(false)));
                        await SendAsync(socket, MessageCodec.Serialize(new ApiVersionReply(7)));
                        break;
                    case ControllerSet:
                        await SendJunkAsync(socket, all: true);
                        break;
                    case AnalogLap lap:
                        lock (_gate)
                        {
                            _laps.Add(lap);
                        }
                        lapsHere++;
                        LapReceived?.Invoke(this, EventArgs.Empty);
                        if (number == 1 && lapsHere == HugeFrameAfterLaps && Interlocked.Exchange(ref _hugeSent, 1) == 0)
                        {
                            await SendAsync(socket, "{\"type\":\"update_fuel\",\"data\":\"" + new string('x', 1 << 20) + "\"}");
                        }
                        else
                        {
                            await SendAsync(socket, Junk[lapsHere % Junk.Length]);
                            await socket.SendAsync(new byte[] { 0xff, 0x00, 0x13, 0x37 }, WebSocketMessageType.Binary, true, default);
                        }
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The sensor dropped this connection.
        }
    }

    private static async Task SendJunkAsync(WebSocket socket, bool all)
    {
        foreach (var junk in all ? Junk : Junk[..2])
        {
            await SendAsync(socket, junk);
        }
        await socket.SendAsync(Encoding.UTF8.GetBytes("binary garbage"), WebSocketMessageType.Binary, true, default);
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
