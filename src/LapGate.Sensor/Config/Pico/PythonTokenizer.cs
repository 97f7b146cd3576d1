namespace LapGate.Sensor.Config.Pico;

/// <summary>What a <see cref="PyToken"/> is.</summary>
internal enum PyTokenKind
{
    Name,
    Number,
    String,
    Punct,
    NewLine,
    End,
}

/// <summary>One token of a Python file, with its line.</summary>
internal readonly record struct PyToken(PyTokenKind Kind, string Text, int Line);

/// <summary>
/// Splits Python source into the tokens <see cref="PythonLiteralReader"/> understands. Line ends inside brackets do
/// not end a statement; comments are dropped; a bracket that is never closed, or closed by the wrong one, is an error.
/// </summary>
internal static class PythonTokenizer
{
    public static List<PyToken> Tokenize(string text, List<ConfigError> errors)
    {
        var tokens = new List<PyToken>();
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (open.Count == 0)
                {
                    tokens.Add(new PyToken(PyTokenKind.NewLine, "end of line", line));
                }
                line++;
                i++;
            }
            else if (c is ' ' or '\t' or '\r' or '\f')
            {
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\n' or '\r')
            {
                i++;                            // a line continuation
                if (text[i] == '\r')
                {
                    i++;
                }
                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }
                line++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                var name = text[start..i];
                if (i < text.Length && text[i] is '"' or '\'' && name.ToLowerInvariant() is "r" or "u" or "b" or "f" or "rb" or "br" or "fr" or "rf")
                {
                    var lower = name.ToLowerInvariant();
                    if (lower.Contains('f', StringComparison.Ordinal))
                    {
                        errors.Add(new ConfigError($"line {line}", "an f-string is not allowed (it runs code): write the plain string"));
                    }
                    i = ReadString(text, i, raw: lower.Contains('r', StringComparison.Ordinal), ref line, tokens, errors);
                }
                else
                {
                    tokens.Add(new PyToken(PyTokenKind.Name, name, line));
                }
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'
                    || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E' && !text[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                {
                    i++;
                }
                tokens.Add(new PyToken(PyTokenKind.Number, text[start..i], line));
            }
            else if (c is '"' or '\'')
            {
                i = ReadString(text, i, raw: false, ref line, tokens, errors);
            }
            else if (c is '[' or '(' or '{')
            {
                open.Push((c, line));
                tokens.Add(new PyToken(PyTokenKind.Punct, c.ToString(), line));
                i++;
            }
            else if (c is ']' or ')' or '}')
            {
                var expected = c switch { ']' => '[', ')' => '(', _ => '{' };
                if (open.Count == 0 || open.Peek().Bracket != expected)
                {
                    var what = open.Count == 0 ? "nothing is open" : $"'{open.Peek().Bracket}' from line {open.Peek().Line} is still open";
                    errors.Add(new ConfigError($"line {line}", $"'{c}' closes a bracket that was not opened ({what})"));
                    return Ended(tokens, line);
                }
                open.Pop();
                tokens.Add(new PyToken(PyTokenKind.Punct, c.ToString(), line));
                i++;
            }
            else
            {
                tokens.Add(new PyToken(PyTokenKind.Punct, c.ToString(), line));
                i++;
            }
        }
        if (open.Count > 0)
        {
            var (bracket, at) = open.ToArray()[^1];
            var close = bracket switch { '[' => ']', '(' => ')', _ => '}' };
            errors.Add(new ConfigError($"line {at}", $"'{bracket}' is never closed: add '{close}'"));
            return Ended([], line);
        }
        return Ended(tokens, line);
    }

    private static List<PyToken> Ended(List<PyToken> tokens, int line)
    {
        tokens.Add(new PyToken(PyTokenKind.NewLine, "end of line", line));
        tokens.Add(new PyToken(PyTokenKind.End, "end of file", line));
        return tokens;
    }

    private static int ReadString(string text, int i, bool raw, ref int line, List<PyToken> tokens, List<ConfigError> errors)
    {
        var quote = text[i];
        var startLine = line;
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        i += triple ? 3 : 1;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                tokens.Add(new PyToken(PyTokenKind.String, value.ToString(), startLine));
                return i + (triple ? 3 : 1);
            }
            if (c == '\n')
            {
                if (!triple)
                {
                    break;
                }
                line++;
            }
            if (c == '\\' && !raw && i + 1 < text.Length)
            {
                var next = text[i + 1];
                value.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', '\'' => '\'', '"' => '"', '0' => '\0', _ => '\\' });
                if (next is 'n' or 't' or 'r' or '\\' or '\'' or '"' or '0')
                {
                    i += 2;
                    continue;
                }
                i++;
                continue;
            }
            value.Append(c);
            i++;
        }
        errors.Add(new ConfigError($"line {startLine}", $"a string that starts with {quote} is never closed: add the closing {quote}"));
        while (i < text.Length && text[i] != '\n')
        {
            i++;
        }
        return i;
    }
}
