using System.Reflection;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate version</c>: prints the version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the LapGate version.");
        command.SetAction(parse =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            parse.InvocationConfiguration.Output.WriteLine($"lapgate {version}");
            return 0;
        });
        return command;
    }
}
