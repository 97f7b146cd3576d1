using System.Text.Json.Serialization.Metadata;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Tracks;
using Microsoft.AspNetCore.Builder;
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
        const string TrackExpected = "{\"name\":\"Home ring\",\"minLapMs\":1500,\"maxLapMs\":30000} (with \"id\" to change a track)";
        const string DriversExpected = "[{\"controllerId\":1,\"driver\":\"Ada\",\"car\":\"Porsche 917\",\"color\":\"white\",\"backgroundColor\":\"rgb(200, 0, 0)\"}]";
        var json = EmulatorJsonContext.Default;
        var race = context.Race;
        routes.MapGet("/api/tracks", http => ApiAnswer.JsonAsync(http, race.ListTracks(), json.IReadOnlyListTrack));
        routes.MapPost("/api/tracks", http => ChangeAsync(http, "POST /api/tracks", json.TrackInput, TrackExpected, race.SaveTrack, json.Track));
        routes.MapPost("/api/tracks/{id:long}/delete", http => DeleteTrackAsync(http, context));
        routes.MapGet("/api/drivers", http => ApiAnswer.JsonAsync(http, race.DriversInfo(), json.DriversView));
        routes.MapPost("/api/drivers", http => ChangeAsync(http, "POST /api/drivers", json.IReadOnlyListManagedDriver, DriversExpected, race.SetDrivers, json.DriversView));
    }

    /// <summary>A change the race engine makes from a request body: the result, or null with why not.</summary>
    private delegate TResult? Change<in TBody, TResult>(TBody body, out string? problem);

    /// <summary>Reads the body, makes the change and answers its result; 400 naming <paramref name="what"/> when it is refused.</summary>
    private static async Task ChangeAsync<TBody, TResult>(
        HttpContext http, string what, JsonTypeInfo<TBody> body, string expected, Change<TBody, TResult> change, JsonTypeInfo<TResult> answer)
        where TBody : class
        where TResult : class
    {
        if (await JsonBody.ReadAsync(http, body, expected).ConfigureAwait(false) is not { } input)
        {
            return;
        }
        if (change(input, out var problem) is not { } result)
        {
            await ApiAnswer.BadRequestAsync(http, $"{what}: {problem}").ConfigureAwait(false);
            return;
        }
        await ApiAnswer.JsonAsync(http, result, answer).ConfigureAwait(false);
    }

    /// <summary>200 with the tracks left; 404 for an unknown track; 409 while the current session is set up on it.</summary>
    private static Task DeleteTrackAsync(HttpContext http, EmulatorContext context)
    {
        var id = ApiAnswer.RouteId(http, out var text) ?? 0;
        var result = context.Race.DeleteTrack(id, out var problem);
        if (result != TrackDeletion.Deleted)
        {
            var status = result == TrackDeletion.InUse ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound;
            return ApiAnswer.ErrorAsync(http, status, $"POST /api/tracks/{text}/delete: {problem}");
        }
        return ApiAnswer.JsonAsync(http, context.Race.ListTracks(), EmulatorJsonContext.Default.IReadOnlyListTrack);
    }
}
