namespace LapGate.Sensor.Tests.EndToEnd;

public class SensorRestartTests
{
    [Fact]
    public async Task Sensor_CtrlCWhileAppUnreachable_KeepsEventsAndNextRunDeliversThemFirst()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), """{"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"}]}""");
        var outbox = dir.File("outbox.db");
        var unreachable = FreePort();

        using (var first = LapgateCli.Start("sensor", "--server", $"ws://127.0.0.1:{unreachable}/", "--config", dir.File("track.json"), "--outbox", outbox))
        {
            await first.WriteLineAsync("21 1000000");
            await first.WriteLineAsync("22 1500000");
            await first.WriteLineAsync("21 6000000");
            await first.WaitForLineAsync("lane 1: lap 1 in 5.000");
            await first.WaitForLineAsync("ConnectFailed");
            first.Interrupt();

            Assert.Equal(0, await first.WaitForExitAsync());
            await first.WaitForLineAsync("3 undelivered event(s) kept in");
        }
        long[] kept;
        using (var journal = SqliteOutbox.Open(outbox))
        {
            kept = journal.Pending().Select(e => e.TimestampMs).ToArray();
        }

        await using var app = new StandInApp();
        var second = await LapgateCli.RunWithInputAsync("22 9000000\n",
            "sensor", "--server", app.Url.ToString(), "--config", dir.File("track.json"), "--outbox", outbox);

        Assert.True(second.ExitCode == 0, second.AllOutput);
        Assert.Equal(3, kept.Length);
        Assert.Equal(5000, kept[2] - kept[0]);
        var laps = app.Frames.Events(1).Cast<AnalogLap>().ToArray();
        Assert.Equal([(kept[0], 1), (kept[1], 2), (kept[2], 1)], laps.Take(3).Select(l => (l.Timestamp, l.ControllerId)));
        Assert.Equal(2, laps[3].ControllerId);
        Assert.Equal(4, laps.Length);
    }

    [Fact]
    public async Task Sensor_SigtermOnALiveLink_ClosesCleanlyLeavesNothingPendingAndTheNextRunResendsNothing()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), """{"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"}],"minLapMs":0}""");
        var outbox = dir.File("outbox.db");
        await using var app = new StandInApp();
        string[] args = ["sensor", "--server", app.Url.ToString(), "--config", dir.File("track.json"), "--outbox", outbox];

        using (var first = LapgateCli.Start(args))
        {
            await first.WriteLineAsync("21 1000000");
            await first.WriteLineAsync("22 1500000");
            await first.WriteLineAsync("21 6000000");
            await app.WaitUntilAsync(f => f.Events().Count == 3, "the three laps");
            first.Terminate();

            Assert.Equal(0, await first.WaitForExitAsync());
            Assert.Contains("stopped; every event was delivered", first.Output, StringComparison.Ordinal);
        }
        int pending;
        using (var journal = SqliteOutbox.Open(outbox))
        {
            pending = journal.Pending().Count;
        }
        var closes = app.CloseFrames;

        var second = await LapgateCli.RunWithInputAsync("22 9000000\n", args);

        Assert.True(second.ExitCode == 0, second.AllOutput);
        Assert.Equal(0, pending);
        Assert.Equal(1, closes);
        Assert.Equal(3, app.Frames.Events(1).Count);
        Assert.Equal([2], app.Frames.Events(2).Cast<AnalogLap>().Select(l => l.ControllerId));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
