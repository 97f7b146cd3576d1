using System.Globalization;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Race;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LapGate.Emulator.Api;

/// <summary>
/// Stored sessions: <c>GET /api/sessions</c>, <c>GET /api/sessions/{id}</c> and the exports
/// <c>/api/sessions/{id}/results.json</c> and <c>/results.csv</c> (downloads). The id is only ever a number.
/// </summary>
internal static class SessionApi
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorContext context)
    {
        var json = EmulatorJsonContext.Default;
        routes.MapGet("/api/sessions", http =>
            http.Response.WriteAsJsonAsync(context.Race.Sessions(), json.IReadOnlyListSessionSummary, cancellationToken: http.RequestAborted));
        routes.MapGet("/api/sessions/{id:long}", http => WithResults(http, context, results =>
            http.Response.WriteAsJsonAsync(results, json.SessionResults, cancellationToken: http.RequestAborted)));
        routes.MapGet("/api/sessions/{id:long}/results.json", http => WithResults(http, context, results =>
        {
            Download(http, results.Id, "json");
            return http.Response.WriteAsJsonAsync(results, json.SessionResults, cancellationToken: http.RequestAborted);
        }));
        routes.MapGet("/api/sessions/{id:long}/results.csv", http => WithResults(http, context, results =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            Download(http, results.Id, "csv");
            return http.Response.WriteAsync(ResultsCsv.Write(results), http.RequestAborted);
        }));
    }

    private static Task WithResults(HttpContext http, EmulatorContext context, Func<SessionResults, Task> write)
    {
        var text = http.Request.RouteValues["id"] as string;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || context.Race.Results(id) is not { } results)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return http.Response.WriteAsJsonAsync(new ApiError($"no session {text}"), EmulatorJsonContext.Default.ApiError, cancellationToken: http.RequestAborted);
        }
        return write(results);
    }

    private static void Download(HttpContext http, long id, string extension) =>
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"lapgate-session-{id.ToString(CultureInfo.InvariantCulture)}.{extension}\"";
}
