namespace LapGate.Sensor.Inputs;

/// <summary>
/// An input could not be opened (GPIO library or chip missing, a pin refused, a serial port that does not
/// exist). The message says what to install or change; it is meant for the user, without a stack trace.
/// </summary>
public sealed class InputOpenException : Exception
{
    public InputOpenException()
    {
    }

    public InputOpenException(string message) : base(message)
    {
    }

    public InputOpenException(string message, Exception inner) : base(message, inner)
    {
    }
}
