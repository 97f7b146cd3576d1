using System.CommandLine;

namespace LapGate.Cli.Commands;

/// <summary>Every <c>lapgate</c> subcommand, one file each in this folder.</summary>
internal static class CommandCatalog
{
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
