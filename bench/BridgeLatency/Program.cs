using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using BridgeLatency;
using LapGate.Bridge;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Transport;

// Round-trip time of one analog_lap frame, client -> app -> client, directly and through the bridge.
// The bridge's added latency per round trip is the difference; per direction it is about half of it.
var frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
const int Warmup = 500;

await using var echo = await EchoApp.StartAsync();
var direct = await MeasureAsync(echo.Uri, frames);

var plain = await BridgeServer.StartAsync(new BridgeOptions { Listen = "127.0.0.1:0", Upstream = echo.Uri });
var bridged = await MeasureAsync(plain.ListenUri, frames);
await plain.DisposeAsync();

var capturePath = Path.Combine(Path.GetTempPath(), $"lapgate-bench-{Guid.NewGuid():N}.jsonl");
var capturing = await BridgeServer.StartAsync(new BridgeOptions { Listen = "127.0.0.1:0", Upstream = echo.Uri, CapturePath = capturePath });
var captured = await MeasureAsync(capturing.ListenUri, frames);
await capturing.DisposeAsync();
File.Delete(capturePath);

Console.WriteLine($"BridgeLatency: {frames} analog_lap round trips each (after {Warmup} warm-up), loopback, {Environment.ProcessorCount} CPUs");
Console.WriteLine("path                      p50 µs    p99 µs    max µs");
Print("direct", direct);
Print("bridge", bridged);
Print("bridge + capture", captured);
Console.WriteLine("added by the bridge (round trip = 2 forwarded frames):");
PrintAdded("bridge", bridged, direct);
PrintAdded("bridge + capture", captured, direct);

static void Print(string name, double[] rtt) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {P(rtt, 0.50),9:0} {P(rtt, 0.99),9:0} {rtt[^1],9:0}"));

// The max column stays empty here: two runs' worst outliers are the machine's, and their difference means nothing
// (it can even be negative).
static void PrintAdded(string name, double[] via, double[] direct) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} {P(via, 0.50) - P(direct, 0.50),9:0} {P(via, 0.99) - P(direct, 0.99),9:0} {"-",9}   per frame ≈ p50 {(P(via, 0.50) - P(direct, 0.50)) / 2:0} µs"));

static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

static async Task<double[]> MeasureAsync(Uri uri, int frames)
{
    using var socket = new ClientWebSocket();
    await socket.ConnectAsync(uri, CancellationToken.None);
    using var reader = new WebSocketMessageReader(socket);
    var rtt = new double[frames];
    for (var i = -Warmup; i < frames; i++)
    {
        var frame = MessageCodec.ToUtf8(new LapGate.Protocol.Messages.AnalogLap(1722773108999 + i, i % 8 + 1));
        var start = Stopwatch.GetTimestamp();
        await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        var reply = await reader.ReceiveAsync(CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        if (!reply.Payload.Span.SequenceEqual(frame))
        {
            throw new InvalidOperationException($"frame {i} came back changed");
        }
        if (i >= 0)
        {
            rtt[i] = elapsed;
        }
    }
    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    Array.Sort(rtt);
    return rtt;
}
