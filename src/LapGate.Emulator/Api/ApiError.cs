namespace LapGate.Emulator.Api;

/// <summary>The body of a 400/409 answer: <c>{"error":"…"}</c>.</summary>
public sealed record ApiError(string Error);
