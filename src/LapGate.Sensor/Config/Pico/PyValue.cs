namespace LapGate.Sensor.Config.Pico;

/// <summary>What a Python literal is.</summary>
public enum PyKind
{
    /// <summary>A whole number (<see cref="PyValue.Integer"/>).</summary>
    Integer,

    /// <summary>A number with a fraction or exponent.</summary>
    Float,

    /// <summary>A string (<see cref="PyValue.Text"/>).</summary>
    String,

    /// <summary><c>True</c> or <c>False</c>.</summary>
    Bool,

    /// <summary><c>None</c>.</summary>
    None,

    /// <summary><c>[…]</c> (<see cref="PyValue.Items"/>).</summary>
    List,

    /// <summary><c>(…)</c> (<see cref="PyValue.Items"/>).</summary>
    Tuple,

    /// <summary><c>{key: value, …}</c> (<see cref="PyValue.Entries"/>, in file order).</summary>
    Dict,
}

/// <summary>One literal read from a Python file, with the line it starts on.</summary>
public sealed record PyValue(PyKind Kind, int Line)
{
    public long Integer { get; init; }

    public double Float { get; init; }

    public string Text { get; init; } = "";

    public bool Bool { get; init; }

    public IReadOnlyList<PyValue> Items { get; init; } = [];

    public IReadOnlyList<KeyValuePair<PyValue, PyValue>> Entries { get; init; } = [];

    /// <summary>The dict entry whose key is the string <paramref name="key"/>, or null.</summary>
    public PyValue? Get(string key) =>
        Entries.FirstOrDefault(e => e.Key.Kind == PyKind.String && e.Key.Text == key).Value;

    /// <summary>The kind in plain words, for messages ("a string", "a list").</summary>
    public string Describe() => Kind switch
    {
        PyKind.Integer => $"the number {Integer}",
        PyKind.Float => "a decimal number",
        PyKind.String => $"the string '{Text}'",
        PyKind.Bool => Bool ? "True" : "False",
        PyKind.None => "None",
        PyKind.List => "a list",
        PyKind.Tuple => "a tuple",
        _ => "a dict",
    };
}
