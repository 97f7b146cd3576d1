using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs.Keyboard;

/// <summary>
/// Maps keys to the config's gates for <c>--input keyboard</c>: 1..8 trigger the finish line (FL, else FLPL)
/// of that lane, s and t the START and STOP buttons, q quits. A key whose gate is not in the config does nothing.
/// </summary>
public sealed class KeyMap
{
    private readonly Dictionary<char, int> _pins = [];

    public KeyMap(SensorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        for (var lane = 1; lane <= 8; lane++)
        {
            var gate = config.Sensors.FirstOrDefault(s => s.Lane == lane && s.Point == TrackPoint.FL)
                ?? config.Sensors.FirstOrDefault(s => s.Lane == lane && s.Point == TrackPoint.FLPL);
            if (gate is not null)
            {
                _pins[(char)('0' + lane)] = gate.Pin;
            }
        }
        if (config.Sensors.FirstOrDefault(s => s.Point == TrackPoint.Start) is { } start)
        {
            _pins['s'] = start.Pin;
        }
        if (config.Sensors.FirstOrDefault(s => s.Point == TrackPoint.Stop) is { } stop)
        {
            _pins['t'] = stop.Pin;
        }
    }

    /// <summary>What <paramref name="key"/> does, and the pin it triggers.</summary>
    public (KeyAction Action, int Pin) Map(char key)
    {
        key = char.ToLowerInvariant(key);
        if (key == 'q')
        {
            return (KeyAction.Quit, 0);
        }
        return _pins.TryGetValue(key, out var pin) ? (KeyAction.Trigger, pin) : (KeyAction.None, 0);
    }

    /// <summary>A one-line help text, e.g. "1 2 = lap on lane 1, 2; s = start; q = quit".</summary>
    public string Help()
    {
        var lanes = _pins.Keys.Where(char.IsDigit).Order().ToArray();
        var parts = new List<string>();
        if (lanes.Length > 0)
        {
            parts.Add($"{string.Join(' ', lanes)} = lap on lane {string.Join(", ", lanes)}");
        }
        if (_pins.ContainsKey('s'))
        {
            parts.Add("s = start");
        }
        if (_pins.ContainsKey('t'))
        {
            parts.Add("t = stop");
        }
        parts.Add("q = quit");
        return string.Join("; ", parts);
    }
}
