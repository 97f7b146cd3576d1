namespace LapGate.Cli.Demo;

/// <summary>The demo's field: eight made-up drivers and cars in distinct colours.</summary>
internal static class DemoDrivers
{
    private static readonly (string Driver, string Car, string Background, string Text)[] Field =
    [
        ("Ada", "Porsche 917", "rgb(220, 38, 38)", "white"),
        ("Bruno", "Ferrari 512 S", "rgb(250, 204, 21)", "black"),
        ("Chiara", "Ford GT40", "rgb(37, 99, 235)", "white"),
        ("Dev", "Lola T70", "rgb(22, 163, 74)", "white"),
        ("Eli", "Matra MS670", "rgb(147, 51, 234)", "white"),
        ("Fumi", "Alpine A110", "rgb(249, 115, 22)", "black"),
        ("Greta", "BMW M1", "rgb(236, 72, 153)", "black"),
        ("Hugo", "Lancia Stratos", "rgb(20, 184, 166)", "black"),
    ];

    /// <summary>Writes a drivers file (the shape of <c>update_controller_data</c>'s data) for <paramref name="cars"/> controllers.</summary>
    public static void Write(string path, int cars)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        for (var i = 0; i < cars; i++)
        {
            var (driver, car, background, text) = Field[i];
            json.WriteStartObject((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("color", text);
            json.WriteString("backgroundColor", background);
            json.WriteString("driver", driver);
            json.WriteString("car", car);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
