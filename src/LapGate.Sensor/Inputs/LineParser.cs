namespace LapGate.Sensor.Inputs;

/// <summary>
/// The line protocol shared by stdin and serial devices: one trigger per line, <c>&lt;pin&gt; [&lt;device_time_us&gt;]</c>,
/// separated by spaces or tabs; <c>#</c> starts a comment; blank lines are ignored.
/// </summary>
public static class LineParser
{
    /// <summary>Parses one line (without its newline).</summary>
    public static LineParseResult Parse(ReadOnlySpan<char> line)
    {
        var hash = line.IndexOf('#');
        if (hash >= 0)
        {
            if (line[..hash].IsWhiteSpace())
            {
                return LineParseResult.CommentLine(line[(hash + 1)..].Trim().ToString());
            }
            line = line[..hash];
        }
        line = line.Trim();
        if (line.IsEmpty)
        {
            return LineParseResult.Ignored;
        }

        Span<Range> parts = stackalloc Range[3];
        var count = SplitWhitespace(line, parts);
        if (count > 2)
        {
            return LineParseResult.Invalid("too many fields (expected '<pin> [<device_time_us>]')");
        }
        var pinText = line[parts[0]];
        if (!int.TryParse(pinText, NumberStyles.None, CultureInfo.InvariantCulture, out var pin))
        {
            return LineParseResult.Invalid($"'{pinText}' is not a pin number (expected '<pin> [<device_time_us>]')");
        }
        if (count == 1)
        {
            return new LineParseResult(LineKind.Trigger, pin, null, null);
        }
        var timeText = line[parts[1]];
        if (!long.TryParse(timeText, NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
        {
            return LineParseResult.Invalid($"'{timeText}' is not a device time in microseconds");
        }
        return new LineParseResult(LineKind.Trigger, pin, micros, null);
    }

    private static int SplitWhitespace(ReadOnlySpan<char> text, Span<Range> parts)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                break;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (count == parts.Length)
            {
                return count + 1;
            }
            parts[count++] = new Range(start, i);
        }
        return count;
    }
}
