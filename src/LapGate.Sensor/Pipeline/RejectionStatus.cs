using LapGate.Sensor.Events;

namespace LapGate.Sensor.Pipeline;

/// <summary>A rejected trigger as the person at the track reads it.</summary>
/// <param name="Pin">The pin that fired.</param>
/// <param name="Time">When it fired.</param>
/// <param name="Reason">Why it was turned down.</param>
/// <param name="Detail">The whole sentence, e.g. "lane 1 lap of 420 ms is shorter than the minimum of 1000 ms".</param>
public sealed record RejectionStatus(int Pin, DateTimeOffset Time, RejectReason Reason, string Detail)
{
    /// <summary>The reason in a few plain words: "bounce", "lap too short", "pin not in the config".</summary>
    public string Words => Describe(Reason);

    /// <summary>A reason in a few plain words.</summary>
    public static string Describe(RejectReason reason) => reason switch
    {
        RejectReason.Debounce => "bounce",
        RejectReason.MinLapTime => "lap too short",
        RejectReason.UnknownPin => "pin not in the config",
        _ => reason.ToString(),
    };
}
