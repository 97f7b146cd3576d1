namespace LapGate.Sensor.Config;

/// <summary>One mistake in a config file: where (entry, field path or JSON position; empty for the whole file) and what.</summary>
public sealed record ConfigError(string Where, string Message)
{
    public override string ToString() => Where.Length == 0 ? Message : $"{Where}: {Message}";
}
