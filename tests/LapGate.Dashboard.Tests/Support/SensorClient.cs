using System.Net.WebSockets;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;

namespace LapGate.Dashboard.Tests.Support;

/// <summary>An analog sensor on a real WebSocket: handshake, <c>controller_set "Z"</c>, then laps and pit frames.</summary>
public sealed class SensorClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private WebSocketMessageReader? _reader;

    public static async Task<SensorClient> ConnectAsync(Uri uri)
    {
        var sensor = new SensorClient();
        await sensor._socket.ConnectAsync(uri, CancellationToken.None).Within();
        sensor._reader = new WebSocketMessageReader(sensor._socket, 1 << 20);
        await sensor.SendAsync(new ApiVersionRequest());
        for (var i = 0; i < 3; i++)
        {
            using var timeout = Wait.LimitToken();
            await sensor._reader.ReceiveAsync(timeout.Token);
        }
        await sensor.SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
        return sensor;
    }

    public Task LapAsync(int controller, long timestamp) => SendAsync(new AnalogLap(timestamp, controller));

    public Task SendAsync(Message message) => SendTextAsync(MessageCodec.Serialize(message));

    public async Task SendTextAsync(string text) =>
        await _socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).Within();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = Wait.LimitToken();
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The emulator may already be gone.
        }
        _reader?.Dispose();
        _socket.Dispose();
    }
}
