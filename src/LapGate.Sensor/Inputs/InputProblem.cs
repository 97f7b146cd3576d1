namespace LapGate.Sensor.Inputs;

/// <summary>An input line that was reported and skipped.</summary>
/// <param name="Source">The input's name.</param>
/// <param name="Line">The line number (1-based).</param>
/// <param name="Text">The line as shown in the log (<see cref="LinePreview"/>: at most about 80 characters, control bytes escaped).</param>
/// <param name="Reason">Why it was skipped.</param>
public sealed record InputProblem(string Source, int Line, string Text, string Reason)
{
    public override string ToString() => $"{Source} line {Line}: {Reason} — skipped: {Text}";
}
