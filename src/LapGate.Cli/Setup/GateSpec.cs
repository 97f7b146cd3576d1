using LapGate.Sensor.Config;

namespace LapGate.Cli.Setup;

/// <summary>A <c>--gate</c> value: <c>PIN:LANE:POINT[:high]</c> (FL, FLPL, PE, PL) or <c>PIN:START</c> / <c>PIN:STOP</c>.</summary>
internal static class GateSpec
{
    public const string Form = "PIN:LANE:POINT[:high] (e.g. 17:1:FL, 27:2:FLPL:high) or PIN:START / PIN:STOP";

    public static SensorEntry? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pin))
        {
            error = $"--gate {text}: not {Form}";
            return null;
        }
        if (parts.Length == 2 && ParsePoint(parts[1]) is TrackPoint.Start or TrackPoint.Stop)
        {
            return new SensorEntry(pin, 0, ParsePoint(parts[1])!.Value);
        }
        if (parts.Length is < 3 or > 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lane) || lane is < 1 or > 8
            || ParsePoint(parts[2]) is not { } point || point is TrackPoint.Start or TrackPoint.Stop
            || (parts.Length == 4 && !parts[3].Equals("high", StringComparison.OrdinalIgnoreCase) && !parts[3].Equals("low", StringComparison.OrdinalIgnoreCase)))
        {
            error = $"--gate {text}: not {Form}; lanes are 1..8";
            return null;
        }
        return new SensorEntry(pin, lane, point, parts.Length == 4 && parts[3].Equals("high", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>FL, FLPL, PE, PL, START or STOP (any case); null otherwise.</summary>
    public static TrackPoint? ParsePoint(string text) => text.ToUpperInvariant() switch
    {
        "FL" => TrackPoint.FL,
        "FLPL" => TrackPoint.FLPL,
        "PE" => TrackPoint.PE,
        "PL" => TrackPoint.PL,
        "START" => TrackPoint.Start,
        "STOP" => TrackPoint.Stop,
        _ => null,
    };
}
