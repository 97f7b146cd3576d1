namespace LapGate.Bridge.Capture;

/// <summary>Reads capture files (JSON Lines, see <c>docs/capture-format.md</c>), checking every line.</summary>
public static class CaptureFile
{
    private static readonly HashSet<string> Kinds = [CaptureNames.Open, CaptureNames.Text, CaptureNames.Binary, CaptureNames.Close, CaptureNames.End];
    private static readonly HashSet<string> Directions = [CaptureNames.ClientToApp, CaptureNames.AppToClient, CaptureNames.BridgeToClient, CaptureNames.BridgeToApp];

    /// <summary>Reads a capture file. Throws <see cref="CaptureFormatException"/> naming the first bad line.</summary>
    public static IReadOnlyList<CaptureEntry> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Reads capture lines; <paramref name="source"/> names them in errors. Blank lines are skipped.</summary>
    public static IReadOnlyList<CaptureEntry> Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<CaptureEntry>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            entries.Add(new CaptureEntry(number, ParseLine(line, source, number)));
        }
        return entries;
    }

    private static CaptureRecord ParseLine(string line, string source, int number)
    {
        CaptureRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, CaptureJsonContext.Readable.CaptureRecord);
        }
        catch (JsonException ex)
        {
            throw new CaptureFormatException(source, number, $"not a JSON capture record ({ex.Message})", ex);
        }
        if (record is null)
        {
            throw new CaptureFormatException(source, number, "not a JSON capture record (null)");
        }
        Check(record, source, number);
        return record;
    }

    private static void Check(CaptureRecord r, string source, int number)
    {
        string? problem = null;
        if (!Kinds.Contains(r.Kind))
        {
            problem = $"\"kind\" is '{r.Kind}', expected one of {string.Join(", ", Kinds)}";
        }
        else if (r.Connection < 1)
        {
            problem = "\"conn\" must be a connection id of 1 or more";
        }
        else if (!double.IsFinite(r.Ms) || r.Ms < 0)
        {
            problem = "\"ms\" must be a non-negative number of milliseconds";
        }
        else if (r.Kind is CaptureNames.Text or CaptureNames.Binary or CaptureNames.Close && (r.Direction is null || !Directions.Contains(r.Direction)))
        {
            problem = $"\"dir\" is '{r.Direction}', expected one of {string.Join(", ", Directions)}";
        }
        else if (r.Kind == CaptureNames.Text && r.Text is null)
        {
            problem = "a text record needs \"text\"";
        }
        else if (r.Kind == CaptureNames.Binary && !IsBase64(r.Base64))
        {
            problem = "a binary record needs \"base64\" holding valid base64";
        }
        else if (r.Kind == CaptureNames.Close && r.Code is { } code && (code < 1000 || code > 4999))
        {
            problem = $"close \"code\" {code} is not a WebSocket close code (1000..4999)";
        }
        if (problem is not null)
        {
            throw new CaptureFormatException(source, number, problem);
        }
    }

    private static bool IsBase64(string? text)
    {
        if (text is null)
        {
            return false;
        }
        Span<byte> scratch = text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        return Convert.TryFromBase64String(text, scratch, out _);
    }
}
