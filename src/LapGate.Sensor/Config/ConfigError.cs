namespace LapGate.Sensor.Config;

/// <summary>One mistake in a config file: where (entry or JSON position) and what.</summary>
public sealed record ConfigError(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
