using Microsoft.Extensions.Options;

namespace LapGate.Protocol.Validation;

/// <summary>
/// The shape every options validator shares (the style is <see cref="OptionsValidation"/>'s): one stateless
/// <see cref="Instance"/>, a null check, then <see cref="Check"/> adds one line per problem and the result lists them all.
/// </summary>
/// <typeparam name="TSelf">The validator itself (for <see cref="Instance"/>).</typeparam>
/// <typeparam name="TOptions">The options it checks.</typeparam>
public abstract class OptionsValidator<TSelf, TOptions> : IValidateOptions<TOptions>
    where TSelf : OptionsValidator<TSelf, TOptions>, new()
    where TOptions : class
{
    /// <summary>The one instance (a validator keeps no state).</summary>
    public static TSelf Instance { get; } = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(name, options, failures);
        return failures.ToResult();
    }

    /// <summary>Adds every problem of <paramref name="options"/> to <paramref name="failures"/>, each starting with its property's name.</summary>
    /// <param name="name">The options' name, passed on to the validators of nested options.</param>
    /// <param name="options">The options (not null).</param>
    /// <param name="failures">Where the problems go.</param>
    protected abstract void Check(string? name, TOptions options, List<string> failures);
}
