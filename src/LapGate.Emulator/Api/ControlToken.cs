using System.Security.Cryptography;

namespace LapGate.Emulator.Api;

/// <summary>
/// With <c>--control-token</c>, every state-changing HTTP request (a POST under <c>/api/</c>) must carry the token as
/// <c>Authorization: Bearer TOKEN</c> or <c>X-LapGate-Token: TOKEN</c>; reading stays open. Answers 401 otherwise.
/// The SmartRace WebSocket at <c>/</c> is not affected: the app's protocol has no authentication.
/// </summary>
internal static class ControlToken
{
    public const string Header = "X-LapGate-Token";

    public static Func<HttpContext, RequestDelegate, Task> Middleware(string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        return (http, next) =>
        {
            if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                return next(http);
            }
            var given = Presented(http.Request);
            if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected))
            {
                return next(http);
            }
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiAnswer.ErrorAsync(http, StatusCodes.Status401Unauthorized, given is null
                ? $"this emulator requires its control token for changes: send 'Authorization: Bearer TOKEN' or '{Header}: TOKEN'"
                : "wrong control token");
        };
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header] is [{ Length: > 0 } header])
        {
            return header;
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
