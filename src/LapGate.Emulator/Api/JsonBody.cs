using System.Text.Json.Serialization.Metadata;
using LapGate.Protocol.Json;

namespace LapGate.Emulator.Api;

/// <summary>
/// Reads a request body with <see cref="StrictJson"/>: an unknown field, a value of the wrong type, an empty body or
/// bad JSON is answered 400 with an <see cref="ApiError"/> that names every mistake. Field names are case-sensitive.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as a <typeparamref name="T"/>, or null after answering 400.</summary>
    /// <param name="http">The request.</param>
    /// <param name="typeInfo">Source-generated metadata of the body's type.</param>
    /// <param name="expected">What the body should be, e.g. <c>an object like {"name":"Home ring"}</c>.</param>
    public static async Task<T?> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> typeInfo, string expected)
        where T : class
    {
        // Kestrel's MaxRequestBodySize bounds this copy; a bigger body is answered 413 by BadRequestGuard.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var read = StrictJson.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), typeInfo, "the request body", expected);
        if (read.IsValid)
        {
            return read.Value;
        }
        var problems = read.Problems.Select(p => p.ToString()).ToArray();
        var summary = problems.Length == 1 ? problems[0] : $"{problems.Length} mistakes: " + string.Join("; ", problems);
        await ApiAnswer.BadRequestAsync(http, $"{http.Request.Method} {http.Request.Path}: {summary}", problems).ConfigureAwait(false);
        return null;
    }
}
