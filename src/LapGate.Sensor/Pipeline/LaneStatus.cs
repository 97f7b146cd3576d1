using LapGate.Protocol.Formatting;

namespace LapGate.Sensor.Pipeline;

/// <summary>One lane on the screen and the status page.</summary>
public sealed record LaneStatus
{
    /// <summary>Controller 1..8.</summary>
    public required int Lane { get; init; }

    /// <summary>The driver the app assigned, if any.</summary>
    public string? Driver { get; init; }

    /// <summary>The car the app assigned, if any.</summary>
    public string? Car { get; init; }

    /// <summary>The app's text colour for this controller (CSS colour), if any.</summary>
    public string? Color { get; init; }

    /// <summary>The app's background colour for this controller (CSS colour), if any.</summary>
    public string? BackgroundColor { get; init; }

    /// <summary>
    /// Finish-line crossings sent to the app since start (or the app's last reset). The first one starts the
    /// clock and completes no lap.
    /// </summary>
    public int CrossingsSent { get; init; }

    /// <summary>Completed laps sent to the app: every crossing after the first.</summary>
    public int LapsSent => Math.Max(0, CrossingsSent - 1);

    /// <summary>The last lap time, as the app computes it from the timestamps.</summary>
    public TimeSpan? LastLap { get; init; }

    /// <summary>The best lap time.</summary>
    public TimeSpan? BestLap { get; init; }

    /// <summary>The last lap as people read it (<c>2.513</c>), "first crossing" after the first crossing, "-" before.</summary>
    public string LastLapText => LastLap is null && CrossingsSent > 0 ? "first crossing" : LapTimeText.Format(LastLap);

    /// <summary>The best lap as people read it.</summary>
    public string BestLapText => LapTimeText.Format(BestLap);

    /// <summary>Triggers on this lane's gates the filters turned down.</summary>
    public int Rejected { get; init; }

    /// <summary>The latest of those, newest first (at most <see cref="StatusTracker.RecentRejections"/>).</summary>
    public IReadOnlyList<RejectionStatus> RecentRejections { get; init; } = [];

    /// <summary>True between a pit enter and a pit leave.</summary>
    public bool InPit { get; init; }

    /// <summary>Structural equality (records compare lists by reference).</summary>
    public bool Equals(LaneStatus? other) =>
        other is not null && Lane == other.Lane && Driver == other.Driver && Car == other.Car && Color == other.Color
        && BackgroundColor == other.BackgroundColor && CrossingsSent == other.CrossingsSent && LastLap == other.LastLap
        && BestLap == other.BestLap && Rejected == other.Rejected && InPit == other.InPit
        && RecentRejections.SequenceEqual(other.RecentRejections);

    public override int GetHashCode() => HashCode.Combine(Lane, CrossingsSent, Rejected);
}
