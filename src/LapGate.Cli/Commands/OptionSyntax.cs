using System.CommandLine.Parsing;
using System.Numerics;

namespace LapGate.Cli.Commands;

/// <summary>Reads one option value of a syntax of its own; null with <paramref name="error"/> when it is not valid.</summary>
internal delegate T? TextParser<T>(string text, out string? error);

/// <summary>
/// The CLI's one way to read option values with a syntax and to check their range, as System.CommandLine custom parsers
/// and validators: a bad value becomes a parse error in plain words (what, where, how to fix), which
/// <see cref="UsageErrors"/> prints before exiting 2.
/// </summary>
internal static class OptionSyntax
{
    /// <summary>Reads the option's value with <paramref name="parse"/>; its error text is said as it is.</summary>
    public static Option<T> ParsedBy<T>(this Option<T> option, TextParser<T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result => ParseOne(result, parse);
        return option;
    }

    /// <summary>Reads each value of a repeatable option with <paramref name="parse"/>; every bad value is reported.</summary>
    public static Option<T[]> EachParsedBy<T>(this Option<T[]> option, TextParser<T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            var values = new List<T>();
            foreach (var token in result.Tokens)
            {
                if (parse(token.Value, out var error) is { } value)
                {
                    values.Add(value);
                }
                else
                {
                    result.AddError(error ?? token.Value);
                }
            }
            return [.. values];
        };
        return option;
    }

    /// <summary>
    /// The app's address as <c>--server</c> takes it: an absolute URI, when <paramref name="webSocketOnly"/> a ws:// or
    /// wss:// one.
    /// </summary>
    public static TextParser<Uri> ServerAddress(bool webSocketOnly) => (string text, out string? error) =>
    {
        var valid = Uri.TryCreate(text, UriKind.Absolute, out var uri) && (!webSocketOnly || uri.Scheme is "ws" or "wss");
        error = valid ? null : $"--server: \"{text}\" is not an address like ws://192.168.1.20:50780";
        return valid ? uri : null;
    };

    /// <summary>
    /// Reads seconds (<c>--timeout 2.5</c>) as a <see cref="TimeSpan"/>; a number no TimeSpan can hold gets
    /// <paramref name="tooLarge"/>.
    /// </summary>
    public static Option<TimeSpan> Seconds(this Option<TimeSpan> option, string tooLarge)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            if (!TryReadNumber<double>(result, out var seconds))
            {
                return default;
            }
            if (!double.IsFinite(seconds) || Math.Abs(seconds) >= TimeSpan.MaxValue.TotalSeconds)
            {
                result.AddError(tooLarge);
                return default;
            }
            return TimeSpan.FromSeconds(seconds);
        };
        return option;
    }

    /// <summary>Reads a number that must be in MIN..MAX (<c>--cars must be 1..8</c>).</summary>
    public static Option<T> Within<T>(this Option<T> option, T min, T max)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result => ReadNumber<T>(result, min, max);
        return option;
    }

    /// <summary>Reads an optional number that must be in MIN..MAX when given.</summary>
    public static Option<T?> Within<T>(this Option<T?> option, T min, T max)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result => ReadNumber<T>(result, min, max);
        return option;
    }

    /// <summary>
    /// Gives every number option under <paramref name="command"/> that has no parser of its own one that says a bad
    /// value in plain words (<c>--cars: 'x' is not a whole number</c>) instead of naming a .NET type.
    /// </summary>
    public static void ReadNumbersInPlainWords(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> { CustomParser: null } whole:
                    whole.CustomParser = result => ReadNumber<int>(result);
                    break;
                case Option<int?> { CustomParser: null } whole:
                    whole.CustomParser = result => ReadNumber<int>(result);
                    break;
                case Option<double> { CustomParser: null } number:
                    number.CustomParser = result => ReadNumber<double>(result);
                    break;
                default:
                    break;
            }
        }
        foreach (var subcommand in command.Subcommands)
        {
            ReadNumbersInPlainWords(subcommand);
        }
    }

    private static T? ParseOne<T>(ArgumentResult result, TextParser<T> parse)
        where T : class
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        var value = parse(text, out var error);
        if (value is null)
        {
            result.AddError(error ?? text);
        }
        return value;
    }

    private static T ReadNumber<T>(ArgumentResult result, T? min = null, T? max = null)
        where T : struct, INumber<T>
    {
        if (TryReadNumber<T>(result, out var value) && (value < min || value > max))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{OptionName(result)} must be {min}..{max}"));
        }
        return value;
    }

    /// <summary>The token as a <typeparamref name="T"/>; false (and the error added) when it is not one.</summary>
    private static bool TryReadNumber<T>(ArgumentResult result, out T value)
        where T : struct, INumber<T>
    {
        var whole = default(T) is not (double or float or decimal);
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (T.TryParse(text, whole ? NumberStyles.Integer : NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        result.AddError($"{OptionName(result)}: '{text}' is not {(whole ? "a whole number" : "a number")}");
        return false;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
