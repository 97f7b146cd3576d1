using LapGate.Protocol.Json;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Hosting;

/// <summary>The <c>update_controller_data</c> the emulator sends: the default six controllers or a <c>--drivers</c> file.</summary>
public static class DriversData
{
    private const string Unassigned = "Non assegnato";
    private const string Black = "rgb(0, 0, 0)";
    private const string Grey = "rgb(188, 195, 188)";

    /// <summary>Six controllers exactly as in the api 7 capture (two assigned, four "Non assegnato").</summary>
    public static UpdateControllerData Default { get; } = new(
    [
        new("1", new ControllerInfo(Black, "rgb(28, 237, 175)", "Gigi", "BMW M4")),
        new("2", new ControllerInfo("black", "rgb(254, 249, 17)", "Gigi", "Ferrari 488")),
        new("3", new ControllerInfo(Black, Grey, Unassigned, Unassigned)),
        new("4", new ControllerInfo(Black, Grey, Unassigned, Unassigned)),
        new("5", new ControllerInfo(Black, Grey, Unassigned, Unassigned)),
        new("6", new ControllerInfo(Black, Grey, Unassigned, Unassigned)),
    ]);

    /// <summary>
    /// Reads a JSON file shaped like <c>update_controller_data</c>'s data:
    /// <c>{"1":{"color":"…","backgroundColor":"…","driver":"…","car":"…"}, …}</c> with ids 1..8.
    /// Throws <see cref="EmulatorConfigurationException"/> naming the file and the line or controller.
    /// </summary>
    public static UpdateControllerData Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorConfigurationException($"drivers file {path}: cannot read it: {ex.Message}", ex);
        }
        return Parse(text, path);
    }

    /// <summary>
    /// Parses the text of a drivers file; <paramref name="source"/> names it in errors, which list every mistake
    /// (an unknown field, a value that is not a string, an id outside 1..8).
    /// </summary>
    public static UpdateControllerData Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Expected = "an object like {\"1\":{\"driver\":\"…\",\"car\":\"…\"}}";
        var read = StrictJson.Read(text, DriversFileJsonContext.Default.DictionaryStringDriversFileEntry, "the file", Expected);
        var problems = read.Problems.Select(p => p.ToString()).ToList();
        if (read.Value is { } entries)
        {
            if (entries.Count == 0 && problems.Count == 0)
            {
                problems.Add("no controllers in it (expected ids \"1\"..\"8\")");
            }
            foreach (var id in entries.Keys)
            {
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 8)
                {
                    problems.Add($"controller id \"{id}\" is not 1..8");
                }
            }
        }
        if (problems.Count > 0 || read.Value is null)
        {
            throw new EmulatorConfigurationException(problems.Count == 1
                ? $"drivers file {source}: {problems[0]}"
                : $"drivers file {source}: {problems.Count} mistakes:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + p)));
        }
        return new UpdateControllerData(read.Value
            .Select(e => new KeyValuePair<string, ControllerInfo>(e.Key, new ControllerInfo(e.Value.Color, e.Value.BackgroundColor, e.Value.Driver, e.Value.Car)))
            .ToArray());
    }
}
