namespace LapGate.Sensor.Config;

/// <summary>One gate: an input pin, the lane (controller 1..8) it belongs to, and its track point.</summary>
public sealed record SensorEntry(int Pin, int Lane, TrackPoint Point);
