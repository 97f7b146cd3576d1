using System.Globalization;
using System.Text;
using System.Text.Json;
using LapGate.Protocol.Codec;
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

    /// <summary>Parses the text of a drivers file; <paramref name="source"/> names it in errors.</summary>
    public static UpdateControllerData Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EmulatorConfigurationException(
                    $"drivers file {source}: expected an object like {{\"1\":{{\"driver\":\"…\",\"car\":\"…\"}}}}, found {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            var reason = ex.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut].TrimEnd();
            }
            throw new EmulatorConfigurationException($"drivers file {source}, line {line}, column {column}: invalid JSON: {reason}", ex);
        }

        UpdateControllerData data;
        try
        {
            // The file is the message's data; the codec checks each entry's shape.
            data = (UpdateControllerData)MessageCodec.Parse($"{{\"type\":\"update_controller_data\",\"data\":{text}}}", int.MaxValue);
        }
        catch (ProtocolException ex)
        {
            throw new EmulatorConfigurationException($"drivers file {source}: {ex.Message.Replace("update_controller_data: ", "", StringComparison.Ordinal)}", ex);
        }
        if (data.Controllers.Count == 0)
        {
            throw new EmulatorConfigurationException($"drivers file {source}: no controllers in it (expected ids \"1\"..\"8\")");
        }
        foreach (var (id, _) in data.Controllers)
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 8)
            {
                throw new EmulatorConfigurationException($"drivers file {source}: controller id \"{id}\" is not 1..8");
            }
        }
        return data;
    }
}
