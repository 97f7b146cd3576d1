using System.Runtime.CompilerServices;
using LapGate.Protocol.Validation;
using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs;

/// <summary>
/// A simulated race on the gates of a config: N cars with their own pace and lap-to-lap spread, occasional
/// pit stops (PE, then PL or the FLPL gate), and some false double triggers; paced by the TimeProvider.
/// Triggers carry no device time: they are stamped on arrival like a GPIO edge.
/// </summary>
public sealed class SimulatedTrack : ITriggerSource
{
    private readonly SimulatorOptions _options;
    private readonly SensorConfig _config;

    public SimulatedTrack(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulatorOptionsValidator.Instance.ThrowIfInvalid(options);
        _options = options;
        _config = options.Config ?? CreateConfig(options.Cars);
        var lanes = RaceLanes(_config);
        if (lanes.Count < options.Cars)
        {
            throw new ArgumentException(
                $"{options.Cars} car(s) need as many lanes with an FL or FLPL gate; the config has {lanes.Count}", nameof(options));
        }
    }

    /// <summary>The lanes a simulated car can race on (those with an FL or FLPL gate), ascending.</summary>
    public static IReadOnlyList<int> RaceLanes(SensorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Sensors.Where(s => s.Point is TrackPoint.FL or TrackPoint.FLPL).Select(s => s.Lane).Distinct().Order().ToArray();
    }

    public string Name => "simulator";

    /// <summary>The gates the simulator uses.</summary>
    public SensorConfig Config => _config;

    /// <summary>
    /// A config for <paramref name="cars"/> lanes: finish line on pin 20+lane, pit enter on 30+lane; odd lanes
    /// have a separate pit leave gate on 40+lane, even lanes one FLPL gate for finish line and pit exit.
    /// </summary>
    public static SensorConfig CreateConfig(int cars, Uri? server = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cars, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cars, 8);
        var sensors = new List<SensorEntry>();
        for (var lane = 1; lane <= cars; lane++)
        {
            sensors.Add(new SensorEntry(20 + lane, lane, lane % 2 == 1 ? TrackPoint.FL : TrackPoint.FLPL));
            sensors.Add(new SensorEntry(30 + lane, lane, TrackPoint.PE));
            if (lane % 2 == 1)
            {
                sensors.Add(new SensorEntry(40 + lane, lane, TrackPoint.PL));
            }
        }
        return new SensorConfig(sensors, server);
    }

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var time = _options.TimeProvider;
        var race = new SimulatedRace(_options, _config);
        var start = time.GetTimestamp();
        while (race.Next() is { } pass)
        {
            var due = TimeSpan.FromTicks((long)(pass.At.Ticks / _options.Speed)) - time.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, ct).ConfigureAwait(false);
            }
            ct.ThrowIfCancellationRequested();
            yield return new Trigger(pass.Pin, null, time.GetTimestamp(), null);
        }
    }
}
