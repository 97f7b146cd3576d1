namespace LapGate.Protocol.Json;

/// <summary>
/// One mistake in a JSON text, in plain words: <see cref="Where"/> is a path such as <c>sensors[0].pin</c>,
/// a position such as <c>line 3, column 7</c>, or empty for the text as a whole.
/// </summary>
/// <param name="Where">The path or position; empty for the whole text.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record JsonProblem(string Where, string Message)
{
    /// <summary><c>Where: Message</c>, or just the message for the whole text.</summary>
    public override string ToString() => Where.Length == 0 ? Message : $"{Where}: {Message}";
}
