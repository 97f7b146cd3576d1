using System.Text.Json.Serialization.Metadata;

namespace LapGate.Emulator.Api;

/// <summary>The API's answers in one place: a JSON body, an <see cref="ApiError"/> with its status, and the id in a route.</summary>
internal static class ApiAnswer
{
    /// <summary>Writes <paramref name="value"/> as JSON (source-generated, so no reflection).</summary>
    public static Task JsonAsync<T>(HttpContext http, T value, JsonTypeInfo<T> typeInfo) =>
        http.Response.WriteAsJsonAsync(value, typeInfo, cancellationToken: http.RequestAborted);

    /// <summary>Answers <paramref name="status"/> with <c>{"error": message}</c> (and the list of mistakes, when given).</summary>
    public static Task ErrorAsync(HttpContext http, int status, string message, IReadOnlyList<string>? problems = null)
    {
        http.Response.StatusCode = status;
        return JsonAsync(http, new ApiError(message, problems), EmulatorJsonContext.Default.ApiError);
    }

    /// <summary>Answers 400 with <c>{"error": message}</c> (and the list of mistakes, when given).</summary>
    public static Task BadRequestAsync(HttpContext http, string message, IReadOnlyList<string>? problems = null) =>
        ErrorAsync(http, StatusCodes.Status400BadRequest, message, problems);

    /// <summary>The route's <c>{id}</c> as a number (digits only), or null; <paramref name="text"/> is the id as sent.</summary>
    public static long? RouteId(HttpContext http, out string? text)
    {
        text = http.Request.RouteValues["id"] as string;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
