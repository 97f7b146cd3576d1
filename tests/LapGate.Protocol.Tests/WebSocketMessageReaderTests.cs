using System.Net.WebSockets;
using System.Text;
using LapGate.Protocol.Transport;

namespace LapGate.Protocol.Tests;

public class WebSocketMessageReaderTests
{
    [Fact]
    public async Task ReceiveAsync_FragmentedMessage_JoinsFragments()
    {
        await using var pair = await LoopbackWebSocketPair.CreateAsync();
        using var reader = new WebSocketMessageReader(pair.Server);

        await pair.Client.SendAsync(Encoding.UTF8.GetBytes("{\"type\":"), WebSocketMessageType.Text, false, default);
        await pair.Client.SendAsync(Encoding.UTF8.GetBytes("\"reset\"}"), WebSocketMessageType.Text, true, default);
        var message = await reader.ReceiveAsync(default).AsTask().Within();

        Assert.Equal(WebSocketMessageType.Text, message.Kind);
        Assert.Equal("{\"type\":\"reset\"}", message.Text);
    }

    [Fact]
    public async Task ReceiveAsync_MessageLargerThanInitialBuffer_GrowsAndReturnsAll()
    {
        await using var pair = await LoopbackWebSocketPair.CreateAsync();
        using var reader = new WebSocketMessageReader(pair.Server, maxBytes: 100_000);
        var payload = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 251)).ToArray();

        await pair.Client.SendAsync(payload, WebSocketMessageType.Binary, true, default);
        var message = await reader.ReceiveAsync(default).AsTask().Within();

        Assert.Equal(WebSocketMessageType.Binary, message.Kind);
        Assert.Equal(payload, message.Payload.ToArray());
    }

    [Fact]
    public async Task ReceiveAsync_MessageOverLimit_Throws()
    {
        await using var pair = await LoopbackWebSocketPair.CreateAsync();
        using var reader = new WebSocketMessageReader(pair.Server, maxBytes: 1000);

        var send = pair.Client.SendAsync(new byte[5000], WebSocketMessageType.Text, true, default);
        var ex = await Assert.ThrowsAsync<WebSocketMessageTooLargeException>(() => reader.ReceiveAsync(default).AsTask().Within());
        Assert.Equal(1000, ex.Limit);
        await send.Within();
    }

    [Fact]
    public async Task ReceiveAsync_MessageExactlyAtLimit_IsAccepted()
    {
        await using var pair = await LoopbackWebSocketPair.CreateAsync();
        using var reader = new WebSocketMessageReader(pair.Server, maxBytes: 8192);

        await pair.Client.SendAsync(new byte[8192], WebSocketMessageType.Binary, true, default);
        var message = await reader.ReceiveAsync(default).AsTask().Within();

        Assert.Equal(8192, message.Payload.Length);
    }

    [Fact]
    public async Task ReceiveAsync_PeerCloses_ReturnsCloseWithCodeAndReason()
    {
        await using var pair = await LoopbackWebSocketPair.CreateAsync();
        using var reader = new WebSocketMessageReader(pair.Server);

        var close = pair.Client.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "bye", default);
        var message = await reader.ReceiveAsync(default).AsTask().Within();
        await close;

        Assert.True(message.IsClose);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, message.CloseStatus);
        Assert.Equal("bye", message.CloseDescription);
    }
}
