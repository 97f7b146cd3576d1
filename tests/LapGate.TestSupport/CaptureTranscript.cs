namespace LapGate.TestSupport;

/// <summary>Who sent a frame in a capture.</summary>
public enum CaptureDirection
{
    SensorToApp,
    AppToSensor,
}

/// <summary>One frame of a capture: its direction and its text exactly as captured (newlines kept).</summary>
public sealed record CapturedFrame(CaptureDirection Direction, string Text, int Line);

/// <summary>
/// Reads the original bridge's transcripts in <c>tests/data/captures/</c>: a line
/// <c>tablet &lt;&lt;&lt; sensor</c> or <c>tablet &gt;&gt;&gt; sensor</c> is followed by the frame
/// (which may span lines) up to a blank line, a <c>###</c> or <c>Server comm</c> line, or the next marker.
/// </summary>
public static class CaptureTranscript
{
    /// <summary>Absolute path of a capture under <c>tests/data/captures/</c>.</summary>
    public static string PathOf(string name) => Path.Combine(RepoPaths.TestData, "captures", name);

    /// <summary>The frames of the "Full output" part of a capture (the whole session in order).</summary>
    public static IReadOnlyList<CapturedFrame> FullOutput(string name)
    {
        var lines = File.ReadAllLines(PathOf(name));
        var start = Array.FindIndex(lines, l => l.Trim() == "Full output");
        return Read(lines, start < 0 ? 0 : start + 1, lines.Length);
    }

    /// <summary>The frames of the "Short summary" part.</summary>
    public static IReadOnlyList<CapturedFrame> Summary(string name)
    {
        var lines = File.ReadAllLines(PathOf(name));
        var start = Array.FindIndex(lines, l => l.Trim() == "Short summary");
        var end = Array.FindIndex(lines, l => l.Trim() == "Full output");
        return Read(lines, start + 1, end < 0 ? lines.Length : end);
    }

    private static List<CapturedFrame> Read(string[] lines, int from, int to)
    {
        var frames = new List<CapturedFrame>();
        for (var i = from; i < to; i++)
        {
            var direction = DirectionOf(lines[i]);
            if (direction is null)
            {
                continue;
            }
            var first = i + 1;
            var j = first;
            while (j < to && !EndsFrame(lines[j]))
            {
                j++;
            }
            if (j > first)
            {
                frames.Add(new CapturedFrame(direction.Value, string.Join('\n', lines[first..j]), first + 1));
            }
            i = j - 1;
        }
        return frames;
    }

    private static CaptureDirection? DirectionOf(string line) =>
        line.StartsWith("tablet <<< sensor", StringComparison.Ordinal) ? CaptureDirection.SensorToApp
        : line.StartsWith("tablet >>> sensor", StringComparison.Ordinal) ? CaptureDirection.AppToSensor
        : null;

    private static bool EndsFrame(string line) =>
        line.Length == 0
        || line.StartsWith("###", StringComparison.Ordinal)
        || line.StartsWith("Server comm", StringComparison.Ordinal)
        || DirectionOf(line) is not null;
}
