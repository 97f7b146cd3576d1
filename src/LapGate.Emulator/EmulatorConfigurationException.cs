namespace LapGate.Emulator;

/// <summary>
/// The emulator cannot start with this configuration: bad options (<see cref="Problems"/> lists every one, each naming
/// its property, from <see cref="EmulatorOptionsValidator"/>), or a drivers file or database it cannot use.
/// </summary>
public sealed class EmulatorConfigurationException : Exception
{
    public EmulatorConfigurationException() : this("Invalid emulator configuration.") { }

    public EmulatorConfigurationException(string message) : base(message)
    {
        Problems = [message];
    }

    public EmulatorConfigurationException(string message, Exception inner) : base(message, inner)
    {
        Problems = [message];
    }

    /// <summary>Every problem found by the options validator, one per line in <see cref="Exception.Message"/>.</summary>
    public EmulatorConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Every problem (one for a file or database error).</summary>
    public IReadOnlyList<string> Problems { get; }
}
