namespace LapGate.Sensor.Config;

/// <summary>Writes a config as the JSON file <see cref="SensorConfigLoader"/> reads (what <c>lapgate setup</c> saves).</summary>
public static class SensorConfigWriter
{
    /// <summary>The config as indented JSON: server, minLapMs, debounceMs, then one sensors entry per gate.</summary>
    public static string ToJson(SensorConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (config.Server is { } server)
            {
                json.WriteString("server", server.ToString());
            }
            json.WriteNumber("minLapMs", config.MinLapMs);
            json.WriteNumber("debounceMs", config.DebounceMs);
            json.WriteStartArray("sensors");
            foreach (var entry in config.Sensors)
            {
                json.WriteStartObject();
                json.WriteNumber("pin", entry.Pin);
                if (!entry.IsButton)
                {
                    json.WriteNumber("lane", entry.Lane);
                }
                json.WriteString("point", entry.Point.ToString().ToUpperInvariant());
                if (entry.ActiveHigh)
                {
                    json.WriteBoolean("activeHigh", true);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
