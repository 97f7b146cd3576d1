using LapGate.Emulator.Tests.Race;

namespace LapGate.Emulator.Tests.Tracks;

/// <summary>Deleting a track: its record goes, past sessions keep its name, the current session's track cannot go.</summary>
public sealed class TrackDeletionTests() : EngineTest(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public void DeleteTrack_PastSessionOnIt_TrackAndRecordGoneSessionKeepsItsLastName()
    {
        var track = _engine.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        var other = _engine.SaveTrack(new TrackInput(null, "Attic"), out _)!;
        _engine.Setup(RaceSetup.ForLaps(1) with { TrackId = track.Id });
        _engine.Start();
        _engine.ApplyLap(1, 1000);
        _engine.ApplyLap(1, 5000);
        var session = _engine.Snapshot().Session;
        Assert.Equal(4000, _engine.FindTrack(track.Id)!.Record!.LapMs);
        _engine.Reset();
        _engine.Setup(RaceSetup.Open with { TrackId = other.Id });
        _engine.SaveTrack(new TrackInput(track.Id, "Home ring II"), out _);

        var result = _engine.DeleteTrack(track.Id, out var problem);

        Assert.Equal(TrackDeletion.Deleted, result);
        Assert.Null(problem);
        Assert.Equal([other.Id], _engine.ListTracks().Select(t => t.Id));
        Assert.Equal("Home ring II", _engine.Results(session)!.TrackName);
        Assert.Equal("Home ring II", _engine.Sessions().Single(s => s.Id == session).TrackName);
        Assert.Equal("Attic", _engine.Results(_engine.Snapshot().Session)!.TrackName);
        // A new track of the same name is a new track: no record, a new id.
        var again = _engine.SaveTrack(new TrackInput(null, "Home ring II"), out _)!;
        Assert.NotEqual(track.Id, again.Id);
        Assert.Null(again.Record);
    }

    [Fact]
    public void DeleteTrack_CurrentSessionSetUpOnIt_RefusedAndKept()
    {
        var track = _engine.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        _engine.Setup(RaceSetup.Open with { TrackId = track.Id });
        _engine.Start();

        var result = _engine.DeleteTrack(track.Id, out var problem);

        Assert.Equal(TrackDeletion.InUse, result);
        Assert.Equal(
            $"\"Home ring\" is the track of the current session (#{_engine.Snapshot().Session}): set up the session on another track or none first"
            + " (stop it first: a session can be set up only while idle or ended)",
            problem);
        Assert.NotNull(_engine.FindTrack(track.Id));
    }

    [Fact]
    public void DeleteTrack_Unknown_SaysSo()
    {
        var result = _engine.DeleteTrack(42, out var problem);

        Assert.Equal(TrackDeletion.Unknown, result);
        Assert.Equal("there is no track 42", problem);
    }

    [Fact]
    public void Setup_OnADeletedTrack_Refused()
    {
        var track = _engine.SaveTrack(new TrackInput(null, "Home ring"), out _)!;
        _engine.DeleteTrack(track.Id, out _);

        var result = _engine.Setup(RaceSetup.Open with { TrackId = track.Id });

        Assert.False(result.Accepted);
        Assert.Equal($"there is no track {track.Id} (it was deleted)", result.Error);
        Assert.Null(_engine.Snapshot().Setup.TrackId);
    }
}
