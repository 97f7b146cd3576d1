using System.CommandLine;
using LapGate.Cli.Commands;

var root = new RootCommand("LapGate: connects analog slot-car tracks to the SmartRace app.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
