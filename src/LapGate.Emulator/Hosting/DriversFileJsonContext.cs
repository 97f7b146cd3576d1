using System.Text.Json.Serialization;

namespace LapGate.Emulator.Hosting;

/// <summary>One controller in a <c>--drivers</c> file, as written.</summary>
/// <param name="Color">Text colour (CSS), or null.</param>
/// <param name="BackgroundColor">Background colour (CSS), or null.</param>
/// <param name="Driver">The driver's name.</param>
/// <param name="Car">The car.</param>
internal sealed record DriversFileEntry(string? Color, string? BackgroundColor, string? Driver, string? Car);

/// <summary>Source-generated metadata of the drivers file (camelCase field names, as in <c>update_controller_data</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, DriversFileEntry>))]
internal sealed partial class DriversFileJsonContext : JsonSerializerContext;
