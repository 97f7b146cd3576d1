namespace LapGate.Sensor.Inputs;

/// <summary>How an input line is shown in a log line: at most about 80 characters, control bytes escaped.</summary>
public static class LinePreview
{
    /// <summary>Characters of a line shown at most.</summary>
    public const int MaxShown = BoundedLineReader.PreviewLength;

    /// <summary>
    /// The first <paramref name="maxShown"/> characters of <paramref name="text"/>, with control characters written as
    /// <c>\xNN</c> (tab as <c>\t</c>) and "… (N characters)" when the line (of <paramref name="length"/>) was longer.
    /// </summary>
    public static string Of(string text, long? length = null, int maxShown = MaxShown)
    {
        ArgumentNullException.ThrowIfNull(text);
        var total = length ?? text.Length;
        var shown = new StringBuilder(maxShown + 24);
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, maxShown)))
        {
            if (c == '\t')
            {
                shown.Append("\\t");
            }
            else if (char.IsControl(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else if (c is '\u2028' or '\u2029')
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                shown.Append(c);
            }
        }
        if (total > maxShown)
        {
            shown.Append(CultureInfo.InvariantCulture, $"… ({total} characters)");
        }
        return shown.ToString();
    }
}
