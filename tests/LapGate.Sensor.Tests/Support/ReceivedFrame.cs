namespace LapGate.Sensor.Tests.Support;

/// <summary>A text frame the stand-in app received, with the connection (1, 2, …) it came on.</summary>
public sealed record ReceivedFrame(int Connection, string Text);
