using LapGate.Emulator.Race;
using LapGate.Protocol.Formatting;
using LapGate.Sensor.Link;
using LapGate.Sensor.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LapGate.Cli.Demo;

/// <summary>The demo's screen: the emulator's standings beside what the sensor sent.</summary>
internal static class StandingsView
{
    public static IRenderable Render(RaceSnapshot race, SensorStatus sensor, string title)
    {
        var link = sensor.Connection == LinkState.Connected
            ? $"[green]connected[/] (api {sensor.AppApiVersion})"
            : $"[yellow]{sensor.Connection.ToString().ToLowerInvariant()}[/]";
        var header = new Markup(
            $"[bold]{Markup.Escape(title)}[/]\nrace [bold]{Markup.Escape(race.State)}[/]   sensor {link}   " +
            $"awaiting confirmation {sensor.EventsPending}   duplicates ignored {race.DuplicatesIgnored}");
        return new Rows(header, Table(race, sensor));
    }

    public static Table Table(RaceSnapshot race, SensorStatus sensor)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Pos").RightAligned()).AddColumn("Lane").AddColumn("Driver").AddColumn("Car")
            .AddColumn(new TableColumn("Laps").RightAligned()).AddColumn(new TableColumn("Last").RightAligned())
            .AddColumn(new TableColumn("Best").RightAligned()).AddColumn(new TableColumn("Gap").RightAligned())
            .AddColumn(new TableColumn("Pits").RightAligned()).AddColumn(new TableColumn("Filtered").RightAligned());
        foreach (var c in race.Controllers.OrderBy(c => c.Position))
        {
            var lane = sensor.Lanes.FirstOrDefault(l => l.Lane == c.Id);
            table.AddRow(
                c.Position.ToString(CultureInfo.InvariantCulture),
                c.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(c.Driver ?? "-"),
                Markup.Escape(c.Car ?? "-"),
                c.Laps.ToString(CultureInfo.InvariantCulture),
                LapTimeText.Format(c.LastLapMs),
                LapTimeText.Format(c.BestLapMs),
                Gap(c),
                c.PitStops.ToString(CultureInfo.InvariantCulture) + (c.InPit ? " [yellow](in)[/]" : ""),
                (lane?.Rejected ?? 0).ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string Gap(ControllerStanding c) =>
        c.Position == 1 ? "" : c.GapLaps > 0 ? $"+{c.GapLaps} lap{(c.GapLaps == 1 ? "" : "s")}" : "+" + LapTimeText.Format(c.GapMs);
}
