using LapGate.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LapGate.Emulator.Dashboard;

/// <summary>
/// The dashboard's routes besides <c>/</c> (which the server shares with the WebSocket):
/// <c>/static/{file}</c>, <c>/sessions</c> and <c>/sessions/{id}</c> (results pages), <c>/manage</c> (tracks and drivers), <c>/api/events</c> (push),
/// and <c>/api</c>, a plain-text hint for people and scripts.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmbeddedPageFiles assets, LiveFeed feed, Func<string> hint)
    {
        routes.MapMethods("/static/{file}", [HttpMethods.Get, HttpMethods.Head], http => assets.WriteAsync(http, http.Request.RouteValues["file"] as string));
        routes.MapGet("/favicon.ico", http => assets.WriteAsync(http, "icon.svg"));
        routes.MapGet("/sessions", http => assets.WriteAsync(http, "results.html"));
        routes.MapGet("/sessions/{id:long}", http => assets.WriteAsync(http, "results.html"));
        routes.MapGet("/manage", http => assets.WriteAsync(http, "manage.html"));
        routes.MapGet("/api/events", (RequestDelegate)feed.ServeAsync);
        routes.MapGet("/api", http =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(hint(), http.RequestAborted);
        });
    }
}
