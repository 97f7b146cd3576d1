using System.Net;
using System.Net.WebSockets;
using LapGate.Protocol.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BridgeLatency;

/// <summary>A stand-in app on 127.0.0.1 port 0 that sends every message straight back.</summary>
internal sealed class EchoApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoApp(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    public static async Task<EchoApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(EchoAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoApp(app, new UriBuilder(address) { Scheme = "ws" }.Uri);
    }

    private static async Task EchoAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var reader = new WebSocketMessageReader(socket);
        try
        {
            while (true)
            {
                var message = await reader.ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
                if (message.IsClose)
                {
                    await socket.CloseOutputAsync(message.CloseStatus ?? WebSocketCloseStatus.Empty, message.CloseDescription, CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                await socket.SendAsync(message.Payload, message.Kind, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The benchmark client went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
