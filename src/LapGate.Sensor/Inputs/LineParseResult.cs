namespace LapGate.Sensor.Inputs;

/// <summary>What one input line holds.</summary>
public enum LineKind
{
    /// <summary>A trigger: <c>&lt;pin&gt; [&lt;device_time_us&gt;]</c>.</summary>
    Trigger,

    /// <summary>A blank line or a <c>#</c> comment (a whole-line comment's text is in <see cref="LineParseResult.Comment"/>).</summary>
    Ignored,

    /// <summary>Not a trigger; <see cref="LineParseResult.Error"/> says why.</summary>
    Invalid,
}

/// <summary>The result of <see cref="LineParser.Parse"/>.</summary>
public readonly record struct LineParseResult(LineKind Kind, int Pin, long? DeviceTimeMicros, string? Error)
{
    public static LineParseResult Ignored => new(LineKind.Ignored, 0, null, null);

    /// <summary>For a line that is only a <c>#</c> comment: its text after the <c>#</c>, trimmed (a board's banner or diagnostics).</summary>
    public string? Comment { get; init; }

    /// <summary>A whole-line comment.</summary>
    public static LineParseResult CommentLine(string text) => Ignored with { Comment = text };

    public static LineParseResult Invalid(string error) => new(LineKind.Invalid, 0, null, error);
}
