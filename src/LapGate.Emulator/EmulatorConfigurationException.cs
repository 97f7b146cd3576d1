namespace LapGate.Emulator;

/// <summary>The emulator cannot start with this configuration; the message says what and where.</summary>
public sealed class EmulatorConfigurationException : Exception
{
    public EmulatorConfigurationException() : this("Invalid emulator configuration.") { }

    public EmulatorConfigurationException(string message) : base(message) { }

    public EmulatorConfigurationException(string message, Exception inner) : base(message, inner) { }
}
