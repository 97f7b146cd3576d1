using LapGate.Emulator.Connections;
using LapGate.Emulator.Race;
using Microsoft.AspNetCore.Builder;
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
        routes.MapGet("/api/sessions", http => ApiAnswer.JsonAsync(http, context.Race.Sessions(), json.IReadOnlyListSessionSummary));
        routes.MapGet("/api/sessions/{id:long}", http => WithResults(http, context, results => ApiAnswer.JsonAsync(http, results, json.SessionResults)));
        routes.MapGet("/api/sessions/{id:long}/results.json", http => WithResults(http, context, results =>
        {
            Download(http, results.Id, "json");
            return ApiAnswer.JsonAsync(http, results, json.SessionResults);
        }));
        routes.MapGet("/api/sessions/{id:long}/results.csv", http => WithResults(http, context, results =>
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            Download(http, results.Id, "csv");
            return http.Response.WriteAsync(ResultsCsv.Write(results), http.RequestAborted);
        }));
    }

    private static Task WithResults(HttpContext http, EmulatorContext context, Func<SessionResults, Task> write) =>
        ApiAnswer.RouteId(http, out var text) is { } id && context.Race.Results(id) is { } results
            ? write(results)
            : ApiAnswer.ErrorAsync(http, StatusCodes.Status404NotFound, $"no session {text}");

    private static void Download(HttpContext http, long id, string extension) =>
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"lapgate-session-{id.ToString(CultureInfo.InvariantCulture)}.{extension}\"";
}
