using System.Globalization;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Tracks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LapGate.Emulator.Api;

/// <summary>
/// <c>GET/POST /api/tracks</c>, <c>POST /api/tracks/{id}/delete</c> and <c>GET/POST /api/drivers</c>: tracks with
/// their records, and managed drivers.
/// </summary>
internal static class TrackApi
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorContext context)
    {
        var json = EmulatorJsonContext.Default;
        routes.MapGet("/api/tracks", http => http.Response.WriteAsJsonAsync(context.Race.ListTracks(), json.IReadOnlyListTrack, cancellationToken: http.RequestAborted));
        routes.MapPost("/api/tracks", http => SaveTrackAsync(http, context));
        routes.MapPost("/api/tracks/{id:long}/delete", http => DeleteTrackAsync(http, context));
        routes.MapGet("/api/drivers", http => http.Response.WriteAsJsonAsync(context.Race.DriversInfo(), json.DriversView, cancellationToken: http.RequestAborted));
        routes.MapPost("/api/drivers", http => SetDriversAsync(http, context));
    }

    private static async Task SaveTrackAsync(HttpContext http, EmulatorContext context)
    {
        const string Expected = "{\"name\":\"Home ring\",\"minLapMs\":1500,\"maxLapMs\":30000} (with \"id\" to change a track)";
        if (await JsonBody.ReadAsync(http, EmulatorJsonContext.Default.TrackInput, Expected).ConfigureAwait(false) is not { } input)
        {
            return;
        }
        if (context.Race.SaveTrack(input, out var problem) is not { } track)
        {
            await BadRequestAsync(http, $"POST /api/tracks: {problem}").ConfigureAwait(false);
            return;
        }
        await http.Response.WriteAsJsonAsync(track, EmulatorJsonContext.Default.Track, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>200 with the tracks left; 404 for an unknown track; 409 while the current session is set up on it.</summary>
    private static Task DeleteTrackAsync(HttpContext http, EmulatorContext context)
    {
        var text = http.Request.RouteValues["id"] as string;
        var id = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var result = context.Race.DeleteTrack(id, out var problem);
        if (result != TrackDeletion.Deleted)
        {
            http.Response.StatusCode = result == TrackDeletion.InUse ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound;
            return http.Response.WriteAsJsonAsync(new ApiError($"POST /api/tracks/{text}/delete: {problem}"), EmulatorJsonContext.Default.ApiError, cancellationToken: http.RequestAborted);
        }
        return http.Response.WriteAsJsonAsync(context.Race.ListTracks(), EmulatorJsonContext.Default.IReadOnlyListTrack, cancellationToken: http.RequestAborted);
    }

    private static async Task SetDriversAsync(HttpContext http, EmulatorContext context)
    {
        const string Expected = "[{\"controllerId\":1,\"driver\":\"Ada\",\"car\":\"Porsche 917\",\"color\":\"white\",\"backgroundColor\":\"rgb(200, 0, 0)\"}]";
        if (await JsonBody.ReadAsync(http, EmulatorJsonContext.Default.IReadOnlyListManagedDriver, Expected).ConfigureAwait(false) is not { } drivers)
        {
            return;
        }
        if (context.Race.SetDrivers(drivers, out var problem) is not { } view)
        {
            await BadRequestAsync(http, $"POST /api/drivers: {problem}").ConfigureAwait(false);
            return;
        }
        await http.Response.WriteAsJsonAsync(view, EmulatorJsonContext.Default.DriversView, cancellationToken: http.RequestAborted).ConfigureAwait(false);
    }

    private static Task BadRequestAsync(HttpContext http, string message) => JsonBody.BadRequestAsync(http, message);
}
