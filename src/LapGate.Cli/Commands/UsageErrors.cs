using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace LapGate.Cli.Commands;

/// <summary>
/// How <c>lapgate</c> answers a command line it cannot use: every problem System.CommandLine, the option parsers and
/// the validators found (one line each, with a guess for a mistyped name), the command's help to read, and exit code 2.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The exit code of a bad command line or a bad option value.</summary>
    public const int ExitCode = 2;

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command, or reports why it cannot (to
    /// <paramref name="configuration"/>'s output and error, the console by default).
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        OptionSyntax.ReadNumbersInPlainWords(root);
        var parse = root.Parse(args);
        if (parse.Action is not ParseErrorAction errors)
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        // The full help would bury the problem; say the problem and where the help is.
        errors.ShowHelp = false;
        parse.Invoke(configuration);
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                names.Insert(0, command.Command is RootCommand ? "lapgate" : command.Command.Name);
            }
        }
        await (configuration ?? parse.InvocationConfiguration).Error.WriteLineAsync($"See '{string.Join(' ', names)} --help' for every option.").ConfigureAwait(false);
        return ExitCode;
    }
}
