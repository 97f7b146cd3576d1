using LapGate.Sensor.Probing;

namespace LapGate.Cli.Terminal;

/// <summary>The short report <c>lapgate probe</c> prints.</summary>
internal static class ProbeReport
{
    public static void Write(ProbeResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        Line(output, "TCP connection", result.ConnectTime is { } c ? $"ok ({Ms(c)})" : "FAILED");
        if (result.ConnectTime is not null)
        {
            Line(output, "WebSocket upgrade", result.Failure is ProbeFailure.NotWebSocket ? "FAILED" : "ok");
        }
        if (result.HandshakeFrames.Count > 0 || result.ApiVersion is not null)
        {
            Line(output, "Handshake", $"ok: api version {result.ApiVersion} (replies: {string.Join(", ", result.HandshakeFrames)})");
        }
        else if (result.Failure is ProbeFailure.NoHandshakeReply or ProbeFailure.UnexpectedReply or ProbeFailure.ClosedByApp)
        {
            Line(output, "Handshake", "FAILED");
        }
        if (result.IsSubscribed is { } subscribed)
        {
            Line(output, "Server info", $"is_subscribed: {(subscribed ? "true" : "false")}");
        }
        if (result.Controllers is { } controllers)
        {
            output.WriteLine("  Controllers:");
            foreach (var (id, info) in controllers.Controllers)
            {
                output.WriteLine($"    {id,-2} {info.Driver ?? "-",-20} {info.Car ?? "",-20} {info.BackgroundColor}");
            }
        }
        if (result.MedianRoundTrip is { } median && result.WorstRoundTrip is { } worst)
        {
            Line(output, "Round trip", string.Create(CultureInfo.InvariantCulture,
                $"median {Ms(median)}, worst {Ms(worst)} ({result.RoundTrips.Count} sample{(result.RoundTrips.Count == 1 ? "" : "s")})"));
        }
        if (result.Registered)
        {
            Line(output, "Registered", "as the analog sensor (controller_set \"Z\")");
        }
        output.WriteLine();
        if (result.Success)
        {
            output.WriteLine($"OK: the app answers. Run the sensor with --server {result.Server}");
        }
        else
        {
            output.WriteLine($"FAILED ({result.Failure}): {result.Detail}");
            output.WriteLine($"Hint: {result.Hint}");
        }
    }

    private static void Line(TextWriter output, string step, string outcome) =>
        output.WriteLine($"  {step,-18} {outcome}");

    private static string Ms(TimeSpan time) =>
        time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
