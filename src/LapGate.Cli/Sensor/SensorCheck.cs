using LapGate.Sensor.Config;
using Spectre.Console;

namespace LapGate.Cli.Sensor;

/// <summary><c>lapgate sensor --check</c>: the mapping of a valid config as a table.</summary>
internal static class SensorCheck
{
    public static void Print(SensorConfig config, string path, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        console.MarkupLine($"[green]{Markup.Escape(path)} is valid.[/]");
        console.MarkupLine($"server: {Markup.Escape(config.Server?.ToString() ?? "-")}   minLapMs: {config.MinLapMs}   debounceMs: {config.DebounceMs}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Pin").AddColumn("Lane").AddColumn("Point").AddColumn("Active").AddColumn("Sends");
        foreach (var entry in config.Sensors.OrderBy(s => s.Lane).ThenBy(s => s.Pin))
        {
            table.AddRow(
                entry.Pin.ToString(CultureInfo.InvariantCulture),
                entry.IsButton ? "-" : entry.Lane.ToString(CultureInfo.InvariantCulture),
                entry.Point.ToString().ToUpperInvariant(),
                entry.ActiveHigh ? "high" : "low",
                entry.Point switch
                {
                    TrackPoint.FL => "analog_lap",
                    TrackPoint.PE => "analog_pit_enter",
                    TrackPoint.PL => "analog_pit_leave",
                    TrackPoint.Start => "race_control start (unverified)",
                    TrackPoint.Stop => "race_control stop (unverified)",
                    _ => "analog_pit_leave + analog_lap",
                });
        }
        console.Write(table);
    }
}
