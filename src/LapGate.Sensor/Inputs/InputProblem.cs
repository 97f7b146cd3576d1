namespace LapGate.Sensor.Inputs;

/// <summary>An input line that was reported and skipped.</summary>
public sealed record InputProblem(string Source, int Line, string Text, string Reason)
{
    public override string ToString() => $"{Source} line {Line}: {Reason} — skipped: {Text}";
}
