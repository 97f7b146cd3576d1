namespace LapGate.Emulator.Race;

/// <summary>A protocol violation by one connection, as listed in <c>GET /api/race</c>.</summary>
/// <param name="At">When the emulator saw it.</param>
/// <param name="Connection">The connection id (<c>c1</c>, <c>c2</c>, …; <c>http</c> for the API).</param>
/// <param name="Kind">One of <see cref="ViolationKinds"/>.</param>
/// <param name="Message">What was wrong, readable.</param>
public sealed record Violation(DateTimeOffset At, string Connection, string Kind, string Message);
