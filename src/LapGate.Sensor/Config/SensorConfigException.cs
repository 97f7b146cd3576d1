namespace LapGate.Sensor.Config;

/// <summary>A config file has one or more mistakes; <see cref="Errors"/> lists every one.</summary>
public sealed class SensorConfigException : Exception
{
    public SensorConfigException(string source, IReadOnlyList<ConfigError> errors)
        : base($"{source}: {errors.Count} error(s) in the configuration:" + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Source = source;
        Errors = errors;
    }

    public SensorConfigException() : this("config", []) { }

    public SensorConfigException(string message) : base(message)
    {
        Errors = [];
    }

    public SensorConfigException(string message, Exception inner) : base(message, inner)
    {
        Errors = [];
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
