using System.Text.Json.Serialization;

namespace LapGate.Emulator.Api;

/// <summary>
/// The body of every error answer: <c>{"error":"…"}</c>. When a request body has mistakes, <see cref="Error"/> names
/// every one and <see cref="Problems"/> lists them one by one (<c>"laps: expected a whole number, got 5.5"</c>).
/// </summary>
/// <param name="Error">What went wrong, in one line.</param>
/// <param name="Problems">Each mistake in the request body, or null (left out of the JSON) when there is no list.</param>
public sealed record ApiError(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Problems = null);
