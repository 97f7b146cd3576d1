namespace LapGate.Faults.Tests.Support;

/// <summary>
/// What a test of the built <c>lapgate sensor</c> against an in-process emulator needs: a fresh folder holding the
/// track config, the outbox path in it, the emulator (no database) and the sensor's command line.
/// </summary>
public sealed class SensorRig : IAsyncDisposable
{
    private SensorRig(TempDirectory dir, EmulatorServer emulator)
    {
        Dir = dir;
        Emulator = emulator;
        Args = ["sensor", "--server", emulator.WebSocketUri.ToString(), "--config", dir.File("track.json"), "--outbox", Outbox];
    }

    public TempDirectory Dir { get; }

    /// <summary>The outbox file the sensor is started with (not created here).</summary>
    public string Outbox => Dir.File("outbox.db");

    public EmulatorServer Emulator { get; }

    /// <summary><c>sensor --server EMULATOR --config track.json --outbox outbox.db</c>.</summary>
    public string[] Args { get; }

    /// <param name="trackJson">The sensor config written to <c>track.json</c>.</param>
    public static async Task<SensorRig> StartAsync(string trackJson = LapPlan.TrackJson)
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), trackJson);
        return new SensorRig(dir, await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null }));
    }

    /// <summary>Starts <c>lapgate</c> with <see cref="Args"/>.</summary>
    public RunningLapgate StartSensor() => LapgateCli.Start(Args);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Dir.Dispose();
    }
}
