using System.Text.Json.Serialization;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Race;

namespace LapGate.Emulator.Api;

/// <summary>Source-generated JSON for the HTTP API (camelCase, AOT-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RaceSnapshot))]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(IReadOnlyList<ConnectionSummary>))]
[JsonSerializable(typeof(RaceSetupRequest))]
[JsonSerializable(typeof(IReadOnlyList<SessionSummary>))]
[JsonSerializable(typeof(SessionResults))]
[JsonSerializable(typeof(LiveUpdate))]
[JsonSerializable(typeof(IReadOnlyList<Tracks.Track>))]
[JsonSerializable(typeof(Tracks.TrackInput))]
[JsonSerializable(typeof(Tracks.Track))]
[JsonSerializable(typeof(Tracks.DriversView))]
[JsonSerializable(typeof(IReadOnlyList<Tracks.ManagedDriver>))]
public sealed partial class EmulatorJsonContext : JsonSerializerContext;
