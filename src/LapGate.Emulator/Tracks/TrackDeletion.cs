namespace LapGate.Emulator.Tracks;

/// <summary>What deleting a track did (<c>DELETE /api/tracks/{id}</c>).</summary>
public enum TrackDeletion
{
    /// <summary>The track and its record are gone; past sessions on it keep its name.</summary>
    Deleted,

    /// <summary>There is no track with that id.</summary>
    Unknown,

    /// <summary>Refused: the current session is set up on it.</summary>
    InUse,
}
