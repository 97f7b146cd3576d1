using System.Text.Json;
using System.Text.Json.Serialization;
using LapGate.Emulator.Connections;
using LapGate.Emulator.Dashboard;
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
public sealed partial class EmulatorJsonContext : JsonSerializerContext;
