using Microsoft.AspNetCore.Http;

namespace LapGate.Emulator.Api;

/// <summary>
/// Turns Kestrel's <see cref="BadHttpRequestException"/> (a body over the size limit, a truncated body) into its
/// status code with a <c>{"error":"…"}</c> body, instead of an unhandled exception in the log.
/// </summary>
internal static class BadRequestGuard
{
    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            http.Response.StatusCode = ex.StatusCode;
            await http.Response.WriteAsJsonAsync(new ApiError($"{http.Request.Method} {http.Request.Path}: {ex.Message}"),
                EmulatorJsonContext.Default.ApiError, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
    }
}
