namespace LapGate.Cli.Sensor;

/// <summary>The kinds of <c>--input</c>.</summary>
internal enum InputKind
{
    Stdin,
    Simulate,
    Keyboard,
    Gpio,
    Serial,
}
