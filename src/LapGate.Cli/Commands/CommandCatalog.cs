namespace LapGate.Cli.Commands;

/// <summary>Every <c>lapgate</c> subcommand, one file each in this folder.</summary>
internal static class CommandCatalog
{
    /// <summary><c>lapgate</c> with every subcommand.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("LapGate: connects analog slot-car tracks to the SmartRace app.");
        foreach (var command in All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return EmulateCommand.Create();
        yield return BridgeCommand.Create();
        yield return ReplayCommand.Create();
        yield return SensorCommand.Create();
        yield return DemoCommand.Create();
        yield return ProbeCommand.Create();
        yield return SetupCommand.Create();
    }
}
