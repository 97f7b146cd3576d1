using System.Text.Json;
using LapGate.Emulator.Dashboard;

namespace LapGate.Emulator.Tests.Dashboard;

/// <summary>The push stream <c>GET /api/events</c> read as raw Server-Sent Events.</summary>
public sealed class LiveFeedTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task Events_LapArrives_PushedAsFullState()
    {
        using var stream = await OpenAsync(Emulator);
        var first = await NextUpdateAsync(stream);
        Assert.Equal("idle", first.Race.State);
        Assert.Empty(first.Connections);

        await using var sensor = await Emulator.ConnectSensorAsync();
        await sensor.SendAsync(new AnalogLap(1000, 3));
        await sensor.SendAsync(new AnalogLap(5321, 3));

        var update = await NextUpdateUntilAsync(stream, u => u.Race.Find(3)?.Laps == 1);
        Assert.Equal(4321, update.Race.Find(3)!.LastLapMs);
        var connection = Assert.Single(update.Connections);
        Assert.Equal("sensor", connection.Role);
        Assert.NotNull(connection.LastFrameAt);
    }

    [Fact]
    public async Task DropLiveClients_OpenStream_EndsItAndANewOneGetsTheState()
    {
        using (var stream = await OpenAsync(Emulator))
        {
            await NextUpdateAsync(stream);
            Assert.Equal(1, Emulator.Server.LiveClientCount);

            Assert.Equal(1, Emulator.Server.DropLiveClients());

            Assert.Null(await stream.ReadToEndOfEventAsync());
        }
        Emulator.Race.ApplyLap(1, 1000);
        Emulator.Race.ApplyLap(1, 2000);

        using var again = await OpenAsync(Emulator);
        Assert.Equal(1, (await NextUpdateAsync(again)).Race.Find(1)!.Laps);
    }

    [Fact]
    public async Task Events_ResponseHeaders_AreAnUncachedEventStream()
    {
        using var response = await Emulator.Http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    private static async Task<SseReader> OpenAsync(TestEmulator emulator)
    {
        var response = await emulator.Http.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseReader(response, await response.Content.ReadAsStreamAsync());
    }

    private static async Task<LiveUpdate> NextUpdateAsync(SseReader stream)
    {
        while (true)
        {
            var data = await stream.ReadToEndOfEventAsync() ?? throw new Xunit.Sdk.XunitException("the stream ended");
            if (data.Length > 0)
            {
                return JsonSerializer.Deserialize(data, EmulatorJsonContext.Default.LiveUpdate)!;
            }
        }
    }

    private static async Task<LiveUpdate> NextUpdateUntilAsync(SseReader stream, Func<LiveUpdate, bool> condition)
    {
        while (true)
        {
            var update = await NextUpdateAsync(stream);
            if (condition(update))
            {
                return update;
            }
        }
    }
}
