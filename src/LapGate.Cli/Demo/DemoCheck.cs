using LapGate.Emulator.Race;
using LapGate.Protocol.Formatting;
using LapGate.Sensor.Pipeline;

namespace LapGate.Cli.Demo;

/// <summary>Compares what the sensor sent with what the emulator counted: nothing lost, nothing doubled, times exact.</summary>
internal static class DemoCheck
{
    public static IReadOnlyList<string> Compare(RaceSnapshot race, SensorStatus sensor)
    {
        var problems = new List<string>();
        foreach (var lane in sensor.Lanes.Where(l => l.CrossingsSent > 0))
        {
            var counted = race.Find(lane.Lane);
            var laps = counted?.Laps ?? 0;
            if (laps != lane.LapsSent)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"lane {lane.Lane}: the sensor sent {lane.CrossingsSent} crossings (= {lane.LapsSent} laps), the emulator counted {laps}"));
            }
            var sentBest = lane.BestLap is { } b ? (long?)Math.Round(b.TotalMilliseconds) : null;
            if (counted is not null && sentBest != counted.BestLapMs)
            {
                problems.Add($"lane {lane.Lane}: best lap {LapTimeText.Format(sentBest)} sent, {LapTimeText.Format(counted.BestLapMs)} counted");
            }
        }
        return problems;
    }
}
