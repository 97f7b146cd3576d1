using LapGate.Emulator.Race;
using LapGate.Protocol.Formatting;

namespace LapGate.Cli.Demo;

/// <summary>When output is redirected: one line per lap the emulator counts, instead of a live table.</summary>
internal sealed class LapPrinter : IDisposable
{
    private readonly RaceEngine _race;
    private readonly TextWriter _output;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, int> _laps = [];

    public LapPrinter(RaceEngine race, TextWriter output)
    {
        _race = race;
        _output = output;
        _race.Changed += OnChanged;
    }

    private void OnChanged(object? sender, EventArgs e)
    {
        var snapshot = _race.Snapshot();
        lock (_lock)
        {
            foreach (var c in snapshot.Controllers)
            {
                _laps.TryGetValue(c.Id, out var seen);
                if (c.Laps > seen)
                {
                    _laps[c.Id] = c.Laps;
                    _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"P{c.Position} lane {c.Id} {c.Driver}: lap {c.Laps} in {LapTimeText.Format(c.LastLapMs)} (best {LapTimeText.Format(c.BestLapMs)}){(c.PitStops > 0 ? $", {c.PitStops} pit stop(s)" : "")}"));
                }
            }
        }
    }

    public void Dispose() => _race.Changed -= OnChanged;
}
