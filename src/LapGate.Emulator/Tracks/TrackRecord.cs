namespace LapGate.Emulator.Tracks;

/// <summary>The best lap ever on a track (from any session, free practice included).</summary>
/// <param name="LapMs">The lap time.</param>
/// <param name="ControllerId">The controller that drove it.</param>
/// <param name="Driver">The driver assigned to that controller then.</param>
/// <param name="Car">The car assigned then.</param>
/// <param name="SetAt">When (emulator clock).</param>
/// <param name="Session">The session it was driven in.</param>
public sealed record TrackRecord(long LapMs, int ControllerId, string? Driver, string? Car, DateTimeOffset SetAt, long Session);
