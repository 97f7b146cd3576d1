using System.Text.Json;

namespace LapGate.Sensor.Config;

/// <summary>
/// Reads and validates a sensor config file. Every mistake is collected (not just the first) and named
/// by its entry, e.g. <c>sensors[2] (pin 21): lane 9 is outside 1..8</c>; bad JSON names line and column.
/// </summary>
public static class SensorConfigLoader
{
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
        ConfigFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, ConfigJsonContext.Default.ConfigFile);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"
                : "JSON";
            errors.Add(new ConfigError(where, "invalid JSON: " + FirstSentence(ex.Message)));
            return null;
        }
        if (file is null)
        {
            errors.Add(new ConfigError("JSON", "the file must hold an object like {\"server\":…,\"sensors\":[…]}"));
            return null;
        }

        var server = serverOverride ?? ParseServer(file.Server, errors);
        if (serverOverride is not null)
        {
            CheckServer(serverOverride, "--server", errors);
        }
        if (server is null && requireServer && errors.All(e => e.Where != "server"))
        {
            errors.Add(new ConfigError("server", "missing: give \"server\":\"ws://HOST:PORT\" in the file or --server"));
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

        var sensors = ParseSensors(file.Sensors, errors);
        return errors.Count == 0 ? new SensorConfig(sensors, server, minLap, debounce) : null;
    }

    private static List<SensorEntry> ParseSensors(List<ConfigFileSensor?>? list, List<ConfigError> errors)
    {
        var result = new List<SensorEntry>();
        if (list is null || list.Count == 0)
        {
            errors.Add(new ConfigError("sensors", "missing or empty: list at least one {\"pin\":21,\"lane\":1,\"point\":\"FL\"}"));
            return result;
        }
        var firstUse = new Dictionary<int, int>();
        for (var i = 0; i < list.Count; i++)
        {
            var item = list[i];
            var where = $"sensors[{i}]";
            if (item is null)
            {
                errors.Add(new ConfigError(where, "must be an object like {\"pin\":21,\"lane\":1,\"point\":\"FL\"}"));
                continue;
            }
            var pin = ReadInt(item.Pin);
            if (pin is not null)
            {
                where += $" (pin {pin})";
            }
            var ok = true;
            if (pin is null or < 0)
            {
                errors.Add(new ConfigError(where, $"pin {Describe(item.Pin)} must be a non-negative integer"));
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
                errors.Add(new ConfigError(where, $"unknown point {Describe(item.Point)} (use FL, PE, PL, FLPL, START or STOP)"));
                ok = false;
            }
            var isButton = point is TrackPoint.Start or TrackPoint.Stop;
            var lane = ReadInt(item.Lane);
            if (isButton && item.Lane is null)
            {
                lane = 0;
            }
            else if (isButton && lane is not null and not 0)
            {
                errors.Add(new ConfigError(where, $"a {point.ToString()!.ToUpperInvariant()} button has no lane: remove \"lane\": {lane}"));
                ok = false;
            }
            else if (!isButton && lane is null or < 1 or > 8)
            {
                errors.Add(new ConfigError(where, $"lane {Describe(item.Lane)} is outside 1..8"));
                ok = false;
            }
            var activeHigh = false;
            if (item.ActiveHigh is { } high)
            {
                if (high.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    activeHigh = high.GetBoolean();
                }
                else
                {
                    errors.Add(new ConfigError(where, $"activeHigh {high.GetRawText()} must be true or false"));
                    ok = false;
                }
            }
            if (ok)
            {
                result.Add(new SensorEntry(pin!.Value, lane!.Value, point!.Value, activeHigh));
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

    private static int? ReadInt(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var v) ? v : null;

    private static TrackPoint? ReadPoint(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.String } e)
        {
            return null;
        }
        return e.GetString()?.ToUpperInvariant() switch
        {
            "FL" => TrackPoint.FL,
            "PE" => TrackPoint.PE,
            "PL" => TrackPoint.PL,
            "FLPL" => TrackPoint.FLPL,
            "START" => TrackPoint.Start,
            "STOP" => TrackPoint.Stop,
            _ => null,
        };
    }

    private static string Describe(JsonElement? element) => element switch
    {
        null => "(missing)",
        { ValueKind: JsonValueKind.String } e => "\"" + e.GetString() + "\"",
        { } e => e.GetRawText(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
