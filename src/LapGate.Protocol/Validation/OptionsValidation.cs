using Microsoft.Extensions.Options;

namespace LapGate.Protocol.Validation;

/// <summary>
/// The one way every LapGate library checks its options: an <see cref="IValidateOptions{TOptions}"/> per options class
/// that reports every problem, each starting with the option's property name (<c>Port: 70000 is outside 0..65535</c>,
/// <c>Faults.HandshakeDelay: …</c> for a nested one). A library never names a command-line flag; the caller (the CLI,
/// the HTTP API) renames properties to its own words with <see cref="Rename"/>.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Success when <paramref name="failures"/> is empty, else a failure listing each one.</summary>
    public static ValidateOptionsResult ToResult(this List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure of <paramref name="result"/> (none when it succeeded or was skipped).</summary>
    public static IReadOnlyList<string> Problems(this ValidateOptionsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Failed ? result.Failures?.ToArray() ?? [result.FailureMessage] : [];
    }

    /// <summary>Adds the failures of a nested options object, each prefixed with <paramref name="property"/> and a dot.</summary>
    public static void AddNested(this List<string> failures, string property, ValidateOptionsResult nested)
    {
        ArgumentNullException.ThrowIfNull(failures);
        failures.AddRange(nested.Problems().Select(p => property + "." + p));
    }

    /// <summary>Adds <paramref name="problem"/> when <paramref name="failed"/> is true.</summary>
    public static void AddIf(this List<string> failures, bool failed, string problem)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failed)
        {
            failures.Add(problem);
        }
    }

    /// <summary>Adds <c>Property: is required</c> when <paramref name="value"/> is null.</summary>
    public static void AddIfMissing(this List<string> failures, string property, object? value) =>
        failures.AddIf(value is null, property + ": is required");

    /// <summary>Adds <c>Property: must be positive</c> when <paramref name="value"/> is zero or less.</summary>
    public static void AddIfNotPositive(this List<string> failures, string property, TimeSpan value) =>
        failures.AddIf(value <= TimeSpan.Zero, property + ": must be positive");

    /// <summary>
    /// Adds <c>Property: is required</c> when the nested options <paramref name="value"/> are null, else their failures
    /// under <paramref name="validator"/>, each prefixed with <paramref name="property"/> and a dot.
    /// </summary>
    public static void AddNested<TNested>(this List<string> failures, string property, TNested? value, IValidateOptions<TNested> validator, string? name)
        where TNested : class
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (value is null)
        {
            failures.AddIfMissing(property, value);
        }
        else
        {
            failures.AddNested(property, validator.Validate(name, value));
        }
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, for an entry point given invalid options.</summary>
    public static void ThrowIfInvalid<TOptions>(this IValidateOptions<TOptions> validator, TOptions options)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Problems());
        }
    }

    /// <summary>
    /// <paramref name="text"/> with each property name of <paramref name="names"/> (as a whole word, the longest first)
    /// replaced by the caller's word for it: a CLI flag (<c>Port</c> → <c>--port</c>), a JSON field name.
    /// </summary>
    public static string Rename(string text, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (property, word) in names.OrderByDescending(n => n.Key.Length))
        {
            var at = 0;
            while ((at = text.IndexOf(property, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + property.Length;
                var wholeWord = (at == 0 || !IsNamePart(text[at - 1])) && (end == text.Length || !IsNamePart(text[end]));
                if (wholeWord)
                {
                    text = string.Concat(text.AsSpan(0, at), word, text.AsSpan(end));
                    at += word.Length;
                }
                else
                {
                    at = end;
                }
            }
        }
        return text;
    }

    // A path separator counts too: a folder that happens to be called Port in a file's path is not the option.
    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '\\';
}
