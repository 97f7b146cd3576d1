namespace LapGate.Emulator.Tracks;

/// <summary>A track managed in the emulator, with its lap time limits and its record.</summary>
/// <param name="Id">The track id.</param>
/// <param name="Name">Its name (unique).</param>
/// <param name="MinLapMs">Minimum lap time (a lap at or below it is not counted), or null.</param>
/// <param name="MaxLapMs">Maximum lap time (a lap above it is not counted), or null.</param>
/// <param name="Record">The best lap ever driven on it, or null.</param>
public sealed record Track(long Id, string Name, long? MinLapMs, long? MaxLapMs, TrackRecord? Record);
