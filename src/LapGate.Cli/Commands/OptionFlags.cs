using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Cli.Commands;

/// <summary>
/// The CLI's one way to show a library's problems: the libraries name option properties (<c>Port: 70000 is outside
/// 0..65535</c>), and each command maps them to its flags here (<c>--port: 70000 is outside 0..65535</c>).
/// </summary>
internal sealed class OptionFlags
{
    private readonly Dictionary<string, string> _flags;

    /// <param name="flags">Each property name (or nested path, <c>Faults.HandshakeDelay</c>) and its flag.</param>
    public OptionFlags(params (string Property, string Flag)[] flags)
    {
        _flags = flags.ToDictionary(f => f.Property, f => f.Flag, StringComparer.Ordinal);
    }

    /// <summary>Property name (or nested path) to flag, for a library that names options itself while it runs.</summary>
    public IReadOnlyDictionary<string, string> Names => _flags;

    /// <summary><paramref name="text"/> with every property named by its flag.</summary>
    public string Name(string text) => OptionsValidation.Rename(text, _flags);

    /// <summary>
    /// Validates <paramref name="options"/>; when invalid, prints every problem on its own line after
    /// <paramref name="prefix"/>, named by flags, and returns true (the command then exits 2).
    /// </summary>
    public async Task<bool> ReportAsync<TOptions>(IValidateOptions<TOptions> validator, TOptions options, TextWriter error, string prefix)
        where TOptions : class
    {
        var problems = validator.Validate(Options.DefaultName, options).Problems();
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(prefix + Name(problem)).ConfigureAwait(false);
        }
        return problems.Count > 0;
    }
}
