using LapGate.Bridge;
using LapGate.Bridge.Replay;

namespace LapGate.Emulator.Tests.Replay;

/// <summary>
/// Issue 5's promise, end to end: a race recorded through <c>lapgate bridge</c> in front of one
/// emulator, replayed with <c>lapgate replay</c> into a fresh emulator, gives the same standings.
/// </summary>
public sealed class BridgeReplayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Replay_CaptureOfARaceThroughTheBridge_ReproducesTheStandingsInAFreshEmulator()
    {
        using var temp = new TempDirectory();
        var capture = temp.File("race.jsonl");
        RaceSnapshot recorded;

        await using (var original = await TestEmulator.StartAsync(output))
        {
            var bridge = await BridgeServer.StartAsync(new BridgeOptions
            {
                Listen = "127.0.0.1:0",
                Upstream = original.Server.WebSocketUri,
                CapturePath = capture,
            }).Within();
            await using (bridge)
            {
                await using var sensor = await TestClient.ConnectAsync(bridge.ListenUri);
                await sensor.RegisterAsync();
                foreach (var frame in CaptureTranscript.FullOutput("api-v7-session.txt")
                    .Where(f => f.Direction == CaptureDirection.SensorToApp)
                    .Select(f => Protocol.Codec.MessageCodec.Parse(f.Text))
                    .Where(m => m is AnalogLap or AnalogPitEnter or AnalogPitLeave))
                {
                    await sensor.SendAsync(frame);
                }
                await sensor.SendAsync(new AnalogLap(1722773128345, 2)); // an exact duplicate, as after a cut
                recorded = await original.WaitForRaceAsync(r => r.DuplicatesIgnored == 1);
            }
        }
        Assert.Equal(3, recorded.Find(1)!.Laps);

        await using var fresh = await TestEmulator.StartAsync(output);
        var result = await CaptureReplayer.RunFileAsync(capture, new ReplayOptions
        {
            Target = fresh.Server.WebSocketUri,
            Fast = true,
        }).Within();

        Assert.True(result.IsSuccess, result.Message);
        var replayed = await fresh.WaitForRaceAsync(r => r.DuplicatesIgnored == 1);
        Assert.Equal(Standings(recorded), Standings(replayed));
        Assert.Empty(replayed.Violations);
    }

    private static List<(int, int, long?, long?, int, bool, int)> Standings(RaceSnapshot race) =>
        race.Controllers.Select(c => (c.Id, c.Laps, c.LastLapMs, c.BestLapMs, c.PitStops, c.InPit, c.Position)).ToList();
}
