using LapGate.Protocol.Formatting;
using LapGate.Sensor.Link;
using LapGate.Sensor.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LapGate.Cli.Sensor;

/// <summary>The live terminal view of <c>lapgate sensor</c>.</summary>
internal static class SensorScreen
{
    public static IRenderable Render(SensorStatus status, Uri server, string input, IReadOnlyList<string> log)
    {
        var words = Markup.Escape(status.ConnectionWords);
        var state = status.Connection switch
        {
            LinkState.Connected => $"[green]{words}[/] (api {status.AppApiVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"})",
            LinkState.Connecting or LinkState.Handshaking => $"[yellow]{words}[/]",
            _ => $"[red]{words}[/]",
        };
        var header = new Markup(
            $"[bold]LapGate sensor[/] → {Markup.Escape(server.ToString())}  {state}\n" +
            $"race: {Markup.Escape(status.RaceStatus ?? "-")}   events pending: {status.EventsPending}   " +
            $"reconnects: {status.Reconnects}{(status.LastReconnectCause is { } c ? $" (last: {SensorStatus.Describe(c)})" : "")}   " +
            $"input: {Markup.Escape(input)}{(status.InputEnded ? " (ended)" : "")}   other rejects: {status.OtherRejected}");

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Lane").AddColumn("Driver").AddColumn(new TableColumn("Laps").RightAligned())
            .AddColumn(new TableColumn("Last").RightAligned()).AddColumn(new TableColumn("Best").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned()).AddColumn("Pit");
        foreach (var lane in status.Lanes)
        {
            table.AddRow(
                lane.Lane.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(lane.Driver ?? "-"),
                lane.LapsSent.ToString(CultureInfo.InvariantCulture),
                lane.LastLap is null && lane.CrossingsSent > 0 ? "first crossing" : LapTimeText.Format(lane.LastLap),
                LapTimeText.Format(lane.BestLap),
                lane.Rejected.ToString(CultureInfo.InvariantCulture),
                lane.InPit ? "[yellow]in pit[/]" : "");
        }
        var recent = new Panel(new Text(log.Count == 0 ? " " : string.Join('\n', log))).Header("log").Expand();
        var footer = new Markup("[grey]Ctrl+C stops; undelivered events stay in the outbox.[/]");
        if (status.OutboxProblem is { } problem)
        {
            // Laps still go out, from memory; a restart or power cut would lose the unconfirmed ones.
            var warning = new Markup($"[bold red]NOT DURABLE[/]: {Markup.Escape(problem.Cause)}: laps are sent from memory, " +
                $"not written to the outbox until it can be written again. {Markup.Escape(problem.Fix)}.");
            return new Rows(header, warning, table, recent, footer);
        }
        return new Rows(header, table, recent, footer);
    }
}
