namespace LapGate.Cli.Setup;

/// <summary>The wizard cannot go on; the message says what to do. <see cref="ExitCode"/> 2 for a bad or missing answer, 1 otherwise.</summary>
internal sealed class SetupException : Exception
{
    public SetupException()
    {
    }

    public SetupException(string message) : base(message)
    {
    }

    public SetupException(string message, Exception inner) : base(message, inner)
    {
    }

    public SetupException(string message, int exitCode) : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = 1;
}
