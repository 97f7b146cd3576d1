using LapGate.Protocol.Json;

namespace LapGate.Sensor.Config;

/// <summary>
/// Reads and validates a sensor config file. Every mistake is collected (not just the first) and named
/// by its entry, e.g. <c>sensors[2] (pin 21): lane 9 is outside 1..8</c>; bad JSON names line and column; an unknown
/// field or a value of the wrong type is named by its path (<see cref="StrictJson"/>).
/// </summary>
public static class SensorConfigLoader
{
    private const string Expected = "an object like {\"server\":\"ws://192.168.1.20:50780\",\"sensors\":[{\"pin\":21,\"lane\":1,\"point\":\"FL\"}]}";

    /// <summary>Reads <paramref name="path"/>; throws <see cref="SensorConfigException"/> listing every error.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="serverOverride">A server given on the command line; wins over the file's.</param>
    /// <param name="requireServer">When true, a config without any server is an error.</param>
    public static SensorConfig Load(string path, Uri? serverOverride = null, bool requireServer = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SensorConfigException(path, [new ConfigError(path, "cannot read the file: " + ex.Message)]);
        }
        return Parse(text, path, serverOverride, requireServer);
    }

    /// <summary>Parses config JSON text; <paramref name="source"/> names it in messages.</summary>
    public static SensorConfig Parse(string json, string source = "config", Uri? serverOverride = null, bool requireServer = true)
    {
        var errors = new List<ConfigError>();
        var config = TryParse(json, errors, serverOverride, requireServer);
        if (config is null || errors.Count > 0)
        {
            throw new SensorConfigException(source, errors);
        }
        return config;
    }

    private static SensorConfig? TryParse(string json, List<ConfigError> errors, Uri? serverOverride, bool requireServer)
    {
        var read = StrictJson.Read(json, ConfigJsonContext.Default.ConfigFile, "the file", Expected);
        errors.AddRange(read.Problems.Select(p => new ConfigError(p.Where, p.Message)));
        if (read.Value is not { } file)
        {
            return null;
        }

        var server = serverOverride ?? ParseServer(file.Server, errors);
        if (serverOverride is not null)
        {
            CheckServer(serverOverride, nameof(serverOverride), errors);
        }
        if (server is null && requireServer && !read.HasProblemAt("server") && errors.All(e => e.Where != "server"))
        {
            errors.Add(new ConfigError("server", $"missing: give \"server\":\"ws://HOST:PORT\" in the file, or {nameof(serverOverride)} ws://HOST:PORT"));
        }

        var minLap = file.MinLapMs ?? SensorConfig.DefaultMinLapMs;
        if (minLap < 0)
        {
            errors.Add(new ConfigError("minLapMs", $"{minLap} must not be negative"));
        }
        var debounce = file.DebounceMs ?? SensorConfig.DefaultDebounceMs;
        if (debounce < 0)
        {
            errors.Add(new ConfigError("debounceMs", $"{debounce} must not be negative"));
        }

        var sensors = ParseSensors(file.Sensors, read, errors);
        return errors.Count == 0 ? new SensorConfig(sensors, server, minLap, debounce) : null;
    }

    private static List<SensorEntry> ParseSensors(List<ConfigFileSensor?>? list, StrictJsonResult<ConfigFile> read, List<ConfigError> errors)
    {
        var result = new List<SensorEntry>();
        if (list is null || list.Count == 0)
        {
            if (!read.HasProblemAt("sensors"))
            {
                errors.Add(new ConfigError("sensors", "missing or empty: list at least one {\"pin\":21,\"lane\":1,\"point\":\"FL\"}"));
            }
            return result;
        }
        var firstUse = new Dictionary<int, int>();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var path = $"sensors[{i}]";
            var where = path;
            // A field the reader already named as wrong is left out here: one message per mistake.
            bool Named(string field) => read.HasProblemAt(path + "." + field);
            if (item is null)
            {
                if (!read.HasProblemAt(path))
                {
                    errors.Add(new ConfigError(where, "must be an object like {\"pin\":21,\"lane\":1,\"point\":\"FL\"}"));
                }
                continue;
            }
            var pin = item.Pin;
            if (pin is not null)
            {
                where += $" (pin {pin})";
            }
            var ok = true;
            if (pin is null && Named("pin"))
            {
                ok = false;
            }
            else if (pin is null or < 0)
            {
                errors.Add(new ConfigError(where, $"pin {Describe(pin)} must be a non-negative integer"));
                ok = false;
            }
            else if (firstUse.TryGetValue(pin.Value, out var first))
            {
                errors.Add(new ConfigError(where, $"pin {pin} is used twice (also by sensors[{first}])"));
                ok = false;
            }
            else
            {
                firstUse[pin.Value] = i;
            }
            var point = ReadPoint(item.Point);
            if (point is null)
            {
                if (!Named("point"))
                {
                    errors.Add(new ConfigError(where, $"unknown point {(item.Point is null ? "(missing)" : "\"" + item.Point + "\"")} (use FL, PE, PL, FLPL, START or STOP)"));
                }
                ok = false;
            }
            var isButton = point is TrackPoint.Start or TrackPoint.Stop;
            var lane = item.Lane;
            if (lane is null && Named("lane"))
            {
                ok = false;
            }
            else if (isButton && lane is null)
            {
                lane = 0;
            }
            else if (isButton && lane is not 0)
            {
                errors.Add(new ConfigError(where, $"a {point.ToString()!.ToUpperInvariant()} button has no lane: remove \"lane\": {lane}"));
                ok = false;
            }
            else if (!isButton && lane is null or < 1 or > 8)
            {
                errors.Add(new ConfigError(where, $"lane {Describe(lane)} is outside 1..8"));
                ok = false;
            }
            if (item.ActiveHigh is null && Named("activeHigh"))
            {
                ok = false;
            }
            if (ok)
            {
                result.Add(new SensorEntry(pin!.Value, lane!.Value, point!.Value, item.ActiveHigh ?? false));
            }
        }
        return result;
    }

    private static Uri? ParseServer(string? text, List<ConfigError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            errors.Add(new ConfigError("server", $"\"{text}\" is not an address like ws://192.168.1.20:50780"));
            return null;
        }
        CheckServer(uri, "server", errors);
        return uri;
    }

    private static void CheckServer(Uri uri, string where, List<ConfigError> errors)
    {
        if (uri.Scheme is not ("ws" or "wss"))
        {
            errors.Add(new ConfigError(where, $"\"{uri}\" must start with ws:// or wss://"));
        }
    }

    /// <summary>The point a value names; its case does not matter (<c>"fl"</c> is FL).</summary>
    private static TrackPoint? ReadPoint(string? text) => text?.ToUpperInvariant() switch
    {
        "FL" => TrackPoint.FL,
        "PE" => TrackPoint.PE,
        "PL" => TrackPoint.PL,
        "FLPL" => TrackPoint.FLPL,
        "START" => TrackPoint.Start,
        "STOP" => TrackPoint.Stop,
        _ => null,
    };

    private static string Describe(int? value) => value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(missing)";
}
