using System.Text;
using CsCheck;

namespace LapGate.Faults.Tests.Emulator;

public class EmulatorLoadTests
{
    private const int Clients = 100;
    private const int Sensors = 4;
    private const int FuzzedFrames = 1000;
    private const int CrossingsPerSensor = 12;

    private static readonly string[] Seeds =
    [
        """{"type":"analog_lap","data":{"timestamp":1722773108000,"controller_id":3}}""",
        """{"type":"analog_pit_enter","data":{"controller_id":2}}""",
        """{"type":"controller_set","data":{"controller_id":"Z"}}""",
        """{"type":"api_version"}""",
        """{"type":"race_control","data":"start"}""",
    ];

    // Random bytes, random text, mutated real frames, laps for controllers outside 1..8, and some frames over 64 KiB.
    private static readonly Gen<(byte[] Bytes, WebSocketMessageType Kind)> Fuzz = Gen.Frequency(
        (3, Gen.Byte.Array[0, 300].Select(b => (b, WebSocketMessageType.Binary))),
        (3, Gen.String.Select(s => (Encoding.UTF8.GetBytes(s), WebSocketMessageType.Text))),
        (6, Gen.Select(Gen.OneOfConst(Seeds), Gen.Int[0, 200], Gen.Char, Gen.Int[0, 3]).Select((seed, at, c, how) =>
            (Encoding.UTF8.GetBytes(Mutate(seed, at, c, how)), WebSocketMessageType.Text))),
        (2, Gen.Select(Gen.Long, Gen.OneOf(Gen.Int[int.MinValue, 0], Gen.Int[9, int.MaxValue])).Select((t, id) =>
            (Encoding.UTF8.GetBytes(MessageCodec.Serialize(new AnalogLap(t, id))), WebSocketMessageType.Text))),
        (1, Gen.Int[65_537, 80_000].Select(n => (Encoding.UTF8.GetBytes(new string('[', n)), WebSocketMessageType.Text))));

    [Fact]
    public async Task Emulator_100ConcurrentClientsAnd1000FuzzedFrames_StandingsStayExact()
    {
        // The connection cap (default 32) raised on purpose: this load test wants all 100 clients at once.
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null, MaxConnections = Clients });
        (byte[] Bytes, WebSocketMessageType Kind)[] frames = [];
        Fuzz.Where(f => !CountsAsARealEvent(f.Bytes, f.Kind)).Array[FuzzedFrames].Sample(f => { frames = f; }, iter: 1, threads: 1);
        const long start = 1_722_773_108_000;
        long Crossing(int controller, int i) => start + (i * 4_000L) + (i * i * 13L) + (controller * 97L);

        var tasks = Enumerable.Range(0, Clients).Select(n => Task.Run(async () =>
        {
            using var client = await TestClient.ConnectAsync(emulator.WebSocketUri);
            await client.HandshakeAmidTrafficAsync();
            if (n < Sensors || n % 2 == 0)
            {
                await client.SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
            }
            if (n < Sensors)
            {
                for (var i = 0; i < CrossingsPerSensor; i++)
                {
                    await client.SendAsync(new AnalogLap(Crossing(n + 1, i), n + 1));
                }
                await client.CloseGracefullyAsync();
                return;
            }
            for (var f = n - Sensors; f < FuzzedFrames; f += Clients - Sensors)
            {
                if (client.Socket.State != WebSocketState.Open)
                {
                    break;
                }
                try
                {
                    await client.SendBytesAsync(frames[f].Bytes, frames[f].Kind);
                }
                catch (WebSocketException)
                {
                    break;
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).Within();
        await RaceWait.CrossingsAsync(emulator, Sensors * CrossingsPerSensor);

        var race = emulator.Race.Snapshot();
        for (var c = 1; c <= Sensors; c++)
        {
            var expected = Enumerable.Range(1, CrossingsPerSensor - 1).Select(i => Crossing(c, i) - Crossing(c, i - 1));
            Assert.Equal(expected, race.Find(c)!.LapTimes);
        }
        Assert.Equal(Sensors * (CrossingsPerSensor - 1), race.Controllers.Sum(c => c.Laps));
        Assert.NotEmpty(race.Violations);
        using var late = await TestClient.ConnectAsync(emulator.WebSocketUri);
        await late.HandshakeAmidTrafficAsync();
    }

    private static string Mutate(string seed, int at, char c, int how)
    {
        var i = at % seed.Length;
        return how switch
        {
            0 => seed[..i],
            1 => seed.Remove(i, 1).Insert(i, c.ToString()),
            2 => seed.Insert(i, c.ToString()),
            _ => seed + seed[i..],
        };
    }

    private static bool CountsAsARealEvent(byte[] bytes, WebSocketMessageType kind) =>
        kind == WebSocketMessageType.Text
        && MessageCodec.TryParse(bytes, out var message, out _)
        && message is AnalogLap { ControllerId: >= 1 and <= 8 } or AnalogPitEnter { ControllerId: >= 1 and <= 8 }
            or AnalogPitLeave { ControllerId: >= 1 and <= 8 } or RaceControl;
}
