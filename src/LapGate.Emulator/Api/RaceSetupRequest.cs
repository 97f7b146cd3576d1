using LapGate.Emulator.Race;

namespace LapGate.Emulator.Api;

/// <summary>
/// The body of <c>POST /api/race/setup</c>: <c>{"mode":"laps","laps":20}</c>, <c>{"mode":"time","minutes":5}</c>
/// (minutes may have decimals) or <c>{"mode":"open"}</c>; each may add the lap time limits
/// <c>"minLapMs"</c> and <c>"maxLapMs"</c> (leave out for none).
/// </summary>
public sealed record RaceSetupRequest(string? Mode, int? Laps = null, double? Minutes = null)
{
    /// <summary><c>race</c> (when left out), <c>qualifying</c> or <c>practice</c> (mode may be left out: open).</summary>
    public string? Kind { get; init; }

    /// <summary>The managed track driven on: its lap time limits apply unless given here, and its record is kept.</summary>
    public long? Track { get; init; }

    /// <summary>A start countdown in ms (0..60000): start goes through <c>starting</c> first; null for none.</summary>
    public long? CountdownMs { get; init; }

    /// <summary>A lap at or below this is not counted (ms); null for no minimum.</summary>
    public long? MinLapMs { get; init; }

    /// <summary>A lap above this is not counted (ms); null for no maximum.</summary>
    public long? MaxLapMs { get; init; }

    /// <summary>The setup, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public RaceSetup? ToSetup(out string? problem)
    {
        RaceSetup setup;
        switch (Mode ?? (Kind == RaceKinds.Practice ? RaceModes.Open : null))
        {
            case RaceModes.Laps:
                if (Laps is null)
                {
                    problem = "mode \"laps\" needs \"laps\": a number of laps, e.g. {\"mode\":\"laps\",\"laps\":20}";
                    return null;
                }
                setup = RaceSetup.ForLaps(Laps.Value);
                break;
            case RaceModes.Time:
                if (Minutes is not { } minutes || !double.IsFinite(minutes) || minutes <= 0 || minutes > RaceSetup.MaxDurationMs / 60_000d)
                {
                    problem = "mode \"time\" needs \"minutes\": more than 0 and at most 1440, e.g. {\"mode\":\"time\",\"minutes\":5}";
                    return null;
                }
                setup = new RaceSetup(RaceModes.Time, DurationMs: (long)Math.Round(minutes * 60_000));
                break;
            case RaceModes.Open:
                setup = RaceSetup.Open;
                break;
            default:
                problem = $"\"mode\" must be \"laps\", \"time\" or \"open\" (got {(Mode is null ? "nothing" : $"\"{Mode}\"")})";
                return null;
        }
        setup = setup with { Kind = Kind ?? RaceKinds.Race, MinLapMs = MinLapMs, MaxLapMs = MaxLapMs, CountdownMs = CountdownMs };
        problem = setup.Problem();
        return problem is null ? setup : null;
    }
}
