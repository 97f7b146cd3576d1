namespace LapGate.Sensor.Inputs;

/// <summary>A car passing a gate at a time since the start.</summary>
internal readonly record struct GatePass(TimeSpan At, int Pin, int Car, bool IsLapEnd);
