namespace LapGate.Bridge.Capture;

/// <summary>A capture file line that cannot be read; the message names the file and line.</summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException(string source, int line, string problem, Exception? inner = null)
        : base($"{source}:{line}: {problem}", inner)
    {
        Source = source;
        Line = line;
        Problem = problem;
    }

    public CaptureFormatException() : this("capture", 0, "malformed capture") { }

    public CaptureFormatException(string message) : base(message) { }

    public CaptureFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Problem { get; } = "";
}
