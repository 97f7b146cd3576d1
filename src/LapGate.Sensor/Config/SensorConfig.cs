namespace LapGate.Sensor.Config;

/// <summary>A validated sensor configuration (see <see cref="SensorConfigLoader"/>).</summary>
public sealed class SensorConfig
{
    /// <summary>Default per-pin debounce.</summary>
    public const int DefaultDebounceMs = 50;

    /// <summary>Default per-lane minimum lap time.</summary>
    public const int DefaultMinLapMs = 1000;

    public SensorConfig(IReadOnlyList<SensorEntry> sensors, Uri? server = null, int minLapMs = DefaultMinLapMs, int debounceMs = DefaultDebounceMs)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentOutOfRangeException.ThrowIfNegative(minLapMs);
        ArgumentOutOfRangeException.ThrowIfNegative(debounceMs);
        Sensors = sensors;
        Server = server;
        MinLapMs = minLapMs;
        DebounceMs = debounceMs;
    }

    /// <summary>The app's WebSocket address, when the file names one.</summary>
    public Uri? Server { get; }

    /// <summary>Every gate, in file order.</summary>
    public IReadOnlyList<SensorEntry> Sensors { get; }

    /// <summary>A lap shorter than this is a false trigger.</summary>
    public int MinLapMs { get; }

    /// <summary>A trigger on a pin within this time after the last accepted one is a bounce.</summary>
    public int DebounceMs { get; }

    /// <summary>The entry for a pin, or null when the pin is not configured.</summary>
    public SensorEntry? FindPin(int pin)
    {
        foreach (var entry in Sensors)
        {
            if (entry.Pin == pin)
            {
                return entry;
            }
        }
        return null;
    }

    /// <summary>The lanes that have a gate, ascending (race-control buttons have none).</summary>
    public IReadOnlyList<int> Lanes => Sensors.Where(s => !s.IsButton).Select(s => s.Lane).Distinct().Order().ToArray();
}
