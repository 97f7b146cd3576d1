namespace LapGate.Sensor.Inputs;

/// <summary>One line from a <see cref="BoundedLineReader"/>.</summary>
/// <param name="Text">The line without its end; for an over-long line only its first <see cref="BoundedLineReader.PreviewLength"/> characters.</param>
/// <param name="Length">The line's full length in characters (it may be far longer than <paramref name="Text"/>).</param>
public readonly record struct LineRead(string Text, long Length)
{
    /// <summary>True when the line was longer than <see cref="BoundedLineReader.MaxLineLength"/> and was discarded as it streamed.</summary>
    public bool TooLong => Length > BoundedLineReader.MaxLineLength;
}
