using LapGate.Emulator.Connections;
using LapGate.Emulator.Faults;
using LapGate.Emulator.Logging;
using LapGate.Emulator.Race;
using LapGate.Protocol.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace LapGate.Emulator.Api;

/// <summary>
/// The HTTP API: <c>GET /api/race</c>, <c>POST /api/race/start|stop|suspend|resume|reset|setup</c>, <c>GET/POST /api/faults</c>.
/// Plain <see cref="RequestDelegate"/>s with source-generated JSON (no reflection).
/// </summary>
internal static class EmulatorApi
{
    private static readonly Dictionary<string, string> FaultFields = new(StringComparer.Ordinal)
    {
        [nameof(FaultOptions.CloseAfterAnalogFrames)] = "closeAfterAnalogFrames",
        [nameof(FaultOptions.HandshakeDelay)] = "handshakeDelayMs",
    };

    public static void Map(IEndpointRouteBuilder routes, EmulatorContext context)
    {
        var json = EmulatorJsonContext.Default;
        routes.MapGet("/api/race", http => ApiAnswer.JsonAsync(http, context.Race.Snapshot(), json.RaceSnapshot));
        routes.MapPost("/api/race/start", http => CommandAsync(http, context, context.Race.Start()));
        routes.MapPost("/api/race/stop", http => CommandAsync(http, context, context.Race.Stop()));
        routes.MapPost("/api/race/reset", http => CommandAsync(http, context, context.Race.Reset()));
        routes.MapPost("/api/race/suspend", http => CommandAsync(http, context, context.Race.Suspend()));
        routes.MapPost("/api/race/resume", http => CommandAsync(http, context, context.Race.Resume()));
        routes.MapPost("/api/race/setup", http => SetupAsync(http, context));
        routes.MapGet("/api/connections", http => ApiAnswer.JsonAsync(http, context.Connections.Describe(), json.IReadOnlyListConnectionSummary));
        routes.MapGet("/api/faults", http => ApiAnswer.JsonAsync(http, FaultSettings.From(context.Faults), json.FaultSettings));
        routes.MapPost("/api/faults", http => SetFaultsAsync(http, context));
    }

    private static Task CommandAsync(HttpContext http, EmulatorContext context, RaceCommandResult result)
    {
        return result.Accepted
            ? ApiAnswer.JsonAsync(http, context.Race.Snapshot(), EmulatorJsonContext.Default.RaceSnapshot)
            : ApiAnswer.ErrorAsync(http, StatusCodes.Status409Conflict, result.Error ?? "refused");
    }

    private static async Task SetupAsync(HttpContext http, EmulatorContext context)
    {
        const string Expected = "{\"mode\":\"laps\",\"laps\":N}, {\"mode\":\"time\",\"minutes\":M} or {\"mode\":\"open\"}";
        if (await JsonBody.ReadAsync(http, EmulatorJsonContext.Default.RaceSetupRequest, Expected).ConfigureAwait(false) is not { } request)
        {
            return;
        }
        if (request.ToSetup(out var problem) is not { } setup)
        {
            await ApiAnswer.BadRequestAsync(http, $"POST /api/race/setup: {problem}").ConfigureAwait(false);
            return;
        }
        if (request.Track is { } trackId)
        {
            if (context.Race.FindTrack(trackId) is not { } track)
            {
                await ApiAnswer.BadRequestAsync(http, $"POST /api/race/setup: there is no track {trackId} (see GET /api/tracks)").ConfigureAwait(false);
                return;
            }
            setup = setup with { TrackId = track.Id, MinLapMs = request.MinLapMs ?? track.MinLapMs, MaxLapMs = request.MaxLapMs ?? track.MaxLapMs };
            if (setup.Problem() is { } limits)
            {
                await ApiAnswer.BadRequestAsync(http, $"POST /api/race/setup: {limits}").ConfigureAwait(false);
                return;
            }
        }
        var result = context.Race.Setup(setup);
        if (result.Accepted)
        {
            EmulatorLog.RaceSetup(context.Logger, setup.ToString());
        }
        await CommandAsync(http, context, result).ConfigureAwait(false);
    }

    private static async Task SetFaultsAsync(HttpContext http, EmulatorContext context)
    {
        const string Expected = "{\"closeAfterAnalogFrames\":N|null,\"handshakeDelayMs\":MS,\"ignoreHandshake\":bool}";
        if (await JsonBody.ReadAsync(http, EmulatorJsonContext.Default.FaultSettings, Expected).ConfigureAwait(false) is not { } settings)
        {
            return;
        }
        var faults = settings.ToOptions();
        if (FaultOptionsValidator.Instance.Validate(null, faults).Problems() is { Count: > 0 } problems)
        {
            // The switches' property names become the fields of this body.
            var named = problems.Select(p => OptionsValidation.Rename(p, FaultFields)).ToArray();
            await ApiAnswer.BadRequestAsync(http, "POST /api/faults: " + string.Join("; ", named), named).ConfigureAwait(false);
            return;
        }
        context.Faults = faults;
        EmulatorLog.FaultsChanged(context.Logger, faults.ToString());
        await ApiAnswer.JsonAsync(http, FaultSettings.From(faults), EmulatorJsonContext.Default.FaultSettings).ConfigureAwait(false);
    }
}
