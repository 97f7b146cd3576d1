namespace LapGate.Sensor.Config.Pico;

/// <summary>The sensor config made from an original board's config.py, and what the owner should know.</summary>
/// <param name="Json">The sensor config file's text.</param>
/// <param name="Config">The same config, as <c>lapgate sensor</c> will load it.</param>
/// <param name="Warnings">Things to check by hand (GPIO 2, pins the board uses itself), in plain words.</param>
public sealed record PicoImportResult(string Json, SensorConfig Config, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns the config.py of the original Pico W project into a LapGate sensor config, reading it as data (never running
/// it; see <see cref="PythonLiteralReader"/>): every <c>config_hardware</c> entry <c>(gpio, lane, point)</c> becomes a
/// sensor, and <c>config_smartrace</c>'s server and port become <c>server</c> (<c>ws://SERVER:PORT</c>). Its Wi-Fi
/// settings are not needed: the sensor uses the network of the computer it runs on.
/// </summary>
public static class PicoConfigImport
{
    /// <summary>The Pico pins the board itself uses (power mode, VBUS sense, LED / Wi-Fi, VSYS).</summary>
    private static readonly int[] BoardPins = [23, 24, 25, 29];

    /// <summary>Reads config.py text; throws <see cref="SensorConfigException"/> listing every error with its line.</summary>
    /// <param name="text">The config.py text.</param>
    /// <param name="source">Names the file in messages.</param>
    /// <param name="serverOverride">The app's address when given on the command line; wins over config_smartrace.</param>
    public static PicoImportResult Import(string text, string source = "config.py", Uri? serverOverride = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<ConfigError>();
        var values = PythonLiteralReader.Read(text, errors);
        if (errors.Count > 0)
        {
            throw new SensorConfigException(source, errors);
        }
        var warnings = new List<string>();
        var sensors = ReadHardware(values, errors, warnings);
        var server = serverOverride?.ToString() ?? ReadServer(values, errors);
        if (errors.Count > 0)
        {
            throw new SensorConfigException(source, errors);
        }
        var json = Write(server, sensors);
        SensorConfig config;
        try
        {
            config = SensorConfigLoader.Parse(json, source);
        }
        catch (SensorConfigException ex)
        {
            // Name the config.py line of each entry the loader refused ("sensors[2] (pin 6)" → that tuple's line).
            throw new SensorConfigException(source, ex.Errors.Select(e => WithLine(e, sensors)).ToArray());
        }
        return new PicoImportResult(json, config, warnings);
    }

    private static List<(int Pin, int Lane, string Point, int Line)> ReadHardware(
        IReadOnlyDictionary<string, PyValue> values, List<ConfigError> errors, List<string> warnings)
    {
        var sensors = new List<(int, int, string, int)>();
        if (!values.TryGetValue("config_hardware", out var hardware))
        {
            errors.Add(new ConfigError("config_hardware", "missing: config.py must list the gates, e.g. config_hardware = [(21, 1, 'FL')]"));
            return sensors;
        }
        if (hardware.Kind is not (PyKind.List or PyKind.Tuple) || hardware.Items.Count == 0)
        {
            errors.Add(new ConfigError($"line {hardware.Line}", $"config_hardware must be a list of (gpio, lane, point), not {hardware.Describe()}"));
            return sensors;
        }
        foreach (var entry in hardware.Items)
        {
            var where = $"line {entry.Line}";
            if (entry.Kind is not (PyKind.Tuple or PyKind.List) || entry.Items.Count != 3)
            {
                errors.Add(new ConfigError(where, $"a config_hardware entry must be (gpio, lane, point) like (21, 1, 'FL'), not {entry.Describe()}"
                    + (entry.Items.Count > 0 ? $" with {entry.Items.Count} item(s)" : "")));
                continue;
            }
            var (gpio, lane, point) = (entry.Items[0], entry.Items[1], entry.Items[2]);
            var ok = true;
            if (gpio.Kind != PyKind.Integer || gpio.Integer is < 0 or > 47)
            {
                errors.Add(new ConfigError(where, $"the GPIO number must be a whole number 0..47, not {gpio.Describe()}"));
                ok = false;
            }
            if (lane.Kind != PyKind.Integer || lane.Integer is < 1 or > 8)
            {
                errors.Add(new ConfigError(where, $"the lane must be a whole number 1..8, not {lane.Describe()}"));
                ok = false;
            }
            var name = point.Kind == PyKind.String ? point.Text.Trim().ToUpperInvariant() : "";
            if (name is not ("FL" or "PE" or "PL" or "FLPL"))
            {
                errors.Add(new ConfigError(where, $"the track point must be 'FL', 'PE', 'PL' or 'FLPL', not {point.Describe()}"));
                ok = false;
            }
            if (!ok)
            {
                continue;
            }
            var pin = (int)gpio.Integer;
            if (pin == 2)
            {
                warnings.Add($"{where}: GPIO 2 is the original firmware's re-register push button. LapGate re-registers by itself and needs "
                    + "no button; if the button is still wired to GPIO 2, a press now counts as a pass of this gate: unwire it.");
            }
            else if (BoardPins.Contains(pin))
            {
                warnings.Add($"{where}: GPIO {pin} is used by the Pico itself (power, LED, Wi-Fi on a Pico W) and is not on the header: use another pin.");
            }
            sensors.Add((pin, (int)lane.Integer, name, entry.Line));
        }
        return sensors;
    }

    private static string? ReadServer(IReadOnlyDictionary<string, PyValue> values, List<ConfigError> errors)
    {
        if (!values.TryGetValue("config_smartrace", out var smartrace))
        {
            errors.Add(new ConfigError("config_smartrace", "missing: give the app's address with --server ws://HOST:PORT"));
            return null;
        }
        var where = $"line {smartrace.Line}";
        if (smartrace.Kind != PyKind.Dict)
        {
            errors.Add(new ConfigError(where, $"config_smartrace must be a dict like {{\"server\": \"192.168.1.20\", \"port\": 50780}}, not {smartrace.Describe()}"));
            return null;
        }
        var host = smartrace.Get("server");
        var port = smartrace.Get("port");
        if (host is not { Kind: PyKind.String } || string.IsNullOrWhiteSpace(host.Text))
        {
            errors.Add(new ConfigError(where, "config_smartrace has no \"server\" string: add the tablet's IP address, or give --server ws://HOST:PORT"));
            return null;
        }
        if (port is not null && (port.Kind != PyKind.Integer || port.Integer is < 1 or > 65535))
        {
            errors.Add(new ConfigError($"line {port.Line}", $"config_smartrace \"port\" must be a whole number 1..65535, not {port.Describe()}"));
            return null;
        }
        var address = host.Text.Trim();
        if (address.Contains("://", StringComparison.Ordinal))
        {
            return address;
        }
        var portText = (port?.Integer ?? 50780).ToString(CultureInfo.InvariantCulture);
        return address.Contains(':', StringComparison.Ordinal) ? $"ws://[{address}]:{portText}" : $"ws://{address}:{portText}";
    }

    /// <summary>The config as a person would write it: one line per gate, in config.py's order.</summary>
    private static string Write(string? server, List<(int Pin, int Lane, string Point, int Line)> sensors)
    {
        var text = new StringBuilder("{\n");
        if (server is not null)
        {
            text.Append("  \"server\": ").Append(JsonSerializer.Serialize(server, PicoJsonContext.Default.String)).Append(",\n");
        }
        text.Append("  \"sensors\": [\n");
        for (var i = 0; i < sensors.Count; i++)
        {
            var (pin, lane, point, _) = sensors[i];
            text.Append(CultureInfo.InvariantCulture, $"    {{ \"pin\": {pin}, \"lane\": {lane}, \"point\": \"{point}\" }}")
                .Append(i + 1 < sensors.Count ? ",\n" : "\n");
        }
        return text.Append("  ]\n}\n").ToString();
    }

    private static ConfigError WithLine(ConfigError error, List<(int Pin, int Lane, string Point, int Line)> sensors)
    {
        if (error.Where.StartsWith("sensors[", StringComparison.Ordinal))
        {
            var close = error.Where.IndexOf(']', StringComparison.Ordinal);
            if (int.TryParse(error.Where.AsSpan(8, close - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sensors.Count)
            {
                var message = System.Text.RegularExpressions.Regex.Replace(error.Message, @"sensors\[(\d+)\]",
                    m => int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var other) && other < sensors.Count ? $"line {sensors[other].Line}" : m.Value);
                return new ConfigError($"line {sensors[index].Line} (GPIO {sensors[index].Pin})", message);
            }
        }
        return error with { Where = error.Where == "server" ? "config_smartrace" : error.Where };
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class PicoJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
