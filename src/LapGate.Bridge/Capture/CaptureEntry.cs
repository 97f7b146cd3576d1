namespace LapGate.Bridge.Capture;

/// <summary>One record of a capture file with the line it came from.</summary>
public sealed record CaptureEntry(int Line, CaptureRecord Record);
