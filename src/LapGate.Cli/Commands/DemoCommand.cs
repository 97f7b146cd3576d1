using LapGate.Cli.Demo;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate demo</c>: the whole chain on one machine, nothing to configure.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var laps = new Option<int>("--laps") { Description = "Race length: the leader's laps (1..500)", DefaultValueFactory = _ => 10 }.Within(1, 500);
        var cars = new Option<int>("--cars") { Description = "Simulated cars, one per lane (1..8)", DefaultValueFactory = _ => 4 }.Within(1, 8);
        var speed = new Option<double>("--speed") { Description = "Time scale: 2 runs the race twice as fast (0.1..20)", DefaultValueFactory = _ => 1.0 }.Within(0.1, 20);
        var seed = new Option<int?>("--seed") { Description = "Random seed: the same seed gives the same race (default: random)" };
        var port = new Option<int>("--port") { Description = "Emulator port on 127.0.0.1 (default 0: a free port)", DefaultValueFactory = _ => 0 }.Within(0, 65535);

        var command = new Command("demo",
            "Run the whole chain on this machine: an emulator, a simulated track and the real sensor pipeline, with live standings.")
        {
            laps, cars, speed, seed, port,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var run = new DemoRun(
                parse.GetValue(cars),
                parse.GetValue(laps),
                parse.GetValue(speed),
                parse.GetValue(seed) ?? Random.Shared.Next(),
                parse.GetValue(port),
                parse.InvocationConfiguration.Output);
            return await run.ExecuteAsync(ct);
        });
        return command;
    }
}
