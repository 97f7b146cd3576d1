namespace LapGate.Sensor.Config.Pico;

/// <summary>
/// Reads a Python file that holds only data: lines <c>NAME = literal</c> with strings, numbers, lists, tuples,
/// dicts, <c>True</c>/<c>False</c>/<c>None</c> and <c>#</c> comments (a docstring is fine too). Nothing is run:
/// anything else (an import, a call, a variable, an operator) is an error that names its line. Every error is
/// collected; reading resumes at the next line.
/// </summary>
public static class PythonLiteralReader
{
    private const string Allowed = "config.py is read as data, never run (only NAME = value, with strings, numbers, lists, tuples, dicts, True/False/None)";

    private static readonly HashSet<string> Keywords =
    [
        "import", "from", "def", "class", "if", "elif", "else", "for", "while", "with", "try", "except", "finally",
        "return", "lambda", "global", "nonlocal", "del", "pass", "raise", "assert", "async", "await", "yield",
    ];

    /// <summary>Every <c>NAME = literal</c> in file order (a name given twice keeps the last, as Python does).</summary>
    public static IReadOnlyDictionary<string, PyValue> Read(string text, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var tokens = PythonTokenizer.Tokenize(text, errors);
        var values = new Dictionary<string, PyValue>(StringComparer.Ordinal);
        if (errors.Count > before)
        {
            return values;          // a broken bracket or string: what follows would only add confusing errors
        }
        var parser = new Parser(tokens);
        while (!parser.AtEnd)
        {
            try
            {
                parser.Statement(values);
            }
            catch (PyLiteralError error)
            {
                errors.Add(new ConfigError($"line {error.Line}", error.Message));
                parser.SkipLine();
            }
        }
        return values;
    }

    private sealed class PyLiteralError(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;

        public PyLiteralError() : this(0, "") { }

        public PyLiteralError(string message) : this(0, message) { }

        public PyLiteralError(string message, Exception inner) : this(0, message + inner.Message) { }
    }

    private sealed class Parser(List<PyToken> tokens)
    {
        private int _at;

        public bool AtEnd => Peek.Kind == PyTokenKind.End;

        private PyToken Peek => tokens[_at];

        private PyToken Next() => tokens[_at++];

        public void SkipLine()
        {
            while (Peek.Kind is not (PyTokenKind.NewLine or PyTokenKind.End))
            {
                _at++;
            }
            if (Peek.Kind == PyTokenKind.NewLine)
            {
                _at++;
            }
        }

        public void Statement(Dictionary<string, PyValue> values)
        {
            var first = Next();
            switch (first.Kind)
            {
                case PyTokenKind.NewLine:
                    return;
                case PyTokenKind.String:
                    _at--;
                    Value();                // a docstring
                    EndOfLine();
                    return;
                case PyTokenKind.Name when Keywords.Contains(first.Text):
                    throw new PyLiteralError(first.Line, $"'{first.Text} …' is not allowed: {Allowed}");
                case PyTokenKind.Name when Peek is { Kind: PyTokenKind.Punct, Text: "=" }:
                    _at++;
                    values[first.Text] = Value();
                    EndOfLine();
                    return;
                case PyTokenKind.Name when Peek is { Kind: PyTokenKind.Punct, Text: "(" }:
                    throw new PyLiteralError(first.Line, $"a function call '{first.Text}(…)' is not allowed: {Allowed}");
                default:
                    throw new PyLiteralError(first.Line, $"'{first.Text}' cannot start a line: {Allowed}");
            }
        }

        private void EndOfLine()
        {
            var token = Next();
            if (token.Kind is not (PyTokenKind.NewLine or PyTokenKind.End))
            {
                throw Unexpected(token, "the end of the line");
            }
            if (token.Kind == PyTokenKind.End)
            {
                _at--;
            }
        }

        private PyValue Value()
        {
            var token = Next();
            switch (token.Kind)
            {
                case PyTokenKind.String:
                    var text = new StringBuilder(token.Text);
                    while (Peek.Kind == PyTokenKind.String)
                    {
                        text.Append(Next().Text);   // "a" "b" is "ab"
                    }
                    return new PyValue(PyKind.String, token.Line) { Text = text.ToString() };
                case PyTokenKind.Number:
                    return Number(token, negative: false);
                case PyTokenKind.Punct when token.Text is "-" or "+" && Peek.Kind == PyTokenKind.Number:
                    return Number(Next(), negative: token.Text == "-");
                case PyTokenKind.Name when token.Text is "True" or "False":
                    return new PyValue(PyKind.Bool, token.Line) { Bool = token.Text == "True" };
                case PyTokenKind.Name when token.Text == "None":
                    return new PyValue(PyKind.None, token.Line);
                case PyTokenKind.Name when Peek is { Kind: PyTokenKind.Punct, Text: "(" }:
                    throw new PyLiteralError(token.Line, $"a function call '{token.Text}(…)' is not allowed: {Allowed}");
                case PyTokenKind.Name:
                    throw new PyLiteralError(token.Line, $"'{token.Text}' is a name, not a value: {Allowed}");
                case PyTokenKind.Punct when token.Text == "[":
                    return new PyValue(PyKind.List, token.Line) { Items = Items("]") };
                case PyTokenKind.Punct when token.Text == "(":
                    var items = Items(")", out var trailingComma);
                    return items.Count == 1 && !trailingComma ? items[0] : new PyValue(PyKind.Tuple, token.Line) { Items = items };
                case PyTokenKind.Punct when token.Text == "{":
                    return Dict(token);
                default:
                    throw Unexpected(token, "a value");
            }
        }

        private List<PyValue> Items(string close) => Items(close, out _);

        private List<PyValue> Items(string close, out bool trailingComma)
        {
            var items = new List<PyValue>();
            trailingComma = false;
            while (Peek is not { Kind: PyTokenKind.Punct } p || p.Text != close)
            {
                items.Add(Value());
                trailingComma = false;
                if (Peek is { Kind: PyTokenKind.Punct, Text: "," })
                {
                    _at++;
                    trailingComma = true;
                    continue;
                }
                if (Peek is not { Kind: PyTokenKind.Punct } end || end.Text != close)
                {
                    throw Unexpected(Peek, $"',' or '{close}'");
                }
            }
            _at++;
            return items;
        }

        private PyValue Dict(PyToken open)
        {
            var entries = new List<KeyValuePair<PyValue, PyValue>>();
            while (Peek is not { Kind: PyTokenKind.Punct, Text: "}" })
            {
                var key = Value();
                var colon = Next();
                if (colon is not { Kind: PyTokenKind.Punct, Text: ":" })
                {
                    throw Unexpected(colon, "':' after a dict key");
                }
                entries.Add(new(key, Value()));
                if (Peek is { Kind: PyTokenKind.Punct, Text: "," })
                {
                    _at++;
                }
                else if (Peek is not { Kind: PyTokenKind.Punct, Text: "}" })
                {
                    throw Unexpected(Peek, "',' or '}'");
                }
            }
            _at++;
            return new PyValue(PyKind.Dict, open.Line) { Entries = entries };
        }

        private static PyValue Number(PyToken token, bool negative)
        {
            var text = token.Text.Replace("_", "", StringComparison.Ordinal);
            var sign = negative ? -1 : 1;
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                return new PyValue(PyKind.Integer, token.Line) { Integer = sign * hex };
            }
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
            {
                return new PyValue(PyKind.Integer, token.Line) { Integer = sign * whole };
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return new PyValue(PyKind.Float, token.Line) { Float = sign * real };
            }
            throw new PyLiteralError(token.Line, $"'{token.Text}' is not a number");
        }

        private static PyLiteralError Unexpected(PyToken token, string expected) => token.Kind switch
        {
            PyTokenKind.End => new PyLiteralError(token.Line, $"the file ends where {expected} should follow"),
            PyTokenKind.NewLine => new PyLiteralError(token.Line, $"the line ends where {expected} should follow"),
            PyTokenKind.Punct when token.Text is "+" or "-" or "*" or "/" or "%" or "." or "[" =>
                new PyLiteralError(token.Line, $"'{token.Text}' is not allowed (no arithmetic, attributes or indexing): {Allowed}"),
            _ => new PyLiteralError(token.Line, $"found '{token.Text}' where {expected} should be"),
        };
    }
}
