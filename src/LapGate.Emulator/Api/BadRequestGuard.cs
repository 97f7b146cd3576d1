using LapGate.Emulator.Logging;

namespace LapGate.Emulator.Api;

/// <summary>
/// Every failed request answers a <c>{"error":"…"}</c> body, never an empty 500 or a stack trace: Kestrel's
/// <see cref="BadHttpRequestException"/> (a body over the size limit, a truncated body) keeps its status code; anything
/// else that escapes an endpoint (a database that fails mid-run) is a 500 that says what failed, logged once.
/// </summary>
internal static class BadRequestGuard
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(ILogger logger) => async (http, next) =>
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            await ApiAnswer.ErrorAsync(http, ex.StatusCode, $"{http.Request.Method} {http.Request.Path}: {ex.Message}").ConfigureAwait(false);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var what = ex is Microsoft.Data.Sqlite.SqliteException ? "the database failed" : "the emulator failed";
            EmulatorLog.RequestFailed(logger, http.Request.Method, http.Request.Path.Value ?? "/", what, ex.Message);
            await ApiAnswer.ErrorAsync(http, StatusCodes.Status500InternalServerError,
                $"{http.Request.Method} {http.Request.Path}: {what} ({ex.Message})").ConfigureAwait(false);
        }
    };
}
