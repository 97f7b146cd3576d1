namespace LapGate.Sensor.Probing;

/// <summary>What to check for each kind of failure, in the words of someone setting up at a track.</summary>
public static class ProbeHints
{
    public static string For(ProbeFailure failure, Uri? server) => failure switch
    {
        ProbeFailure.InvalidAddress =>
            "give the address the app shows in Smartrace Connect, like ws://192.168.1.20:50780",
        ProbeFailure.NameNotResolved =>
            $"the name \"{server?.Host}\" is unknown on this network: use the tablet's IP address as the app shows it",
        ProbeFailure.NothingListening =>
            $"the tablet answers but nothing listens on port {server?.Port}: start Smartrace Connect in the app, keep the app in the foreground, and check the port it shows",
        ProbeFailure.Unreachable =>
            $"no route to {server?.Host}: is this machine on the same Wi-Fi as the tablet? Check the IP address the app shows",
        ProbeFailure.TimedOut =>
            $"no answer from {server?.Host}: a wrong IP address, a different Wi-Fi (guest network), client isolation on the router, or a firewall dropping port {server?.Port}",
        ProbeFailure.NotWebSocket =>
            $"something on port {server?.Port} answered, but it is not Smartrace Connect (not a WebSocket server): check the port number",
        ProbeFailure.NoHandshakeReply =>
            "the app accepted the connection but did not answer api_version: in Smartrace Connect, select the analog sensor and make sure no other sensor is connected",
        ProbeFailure.UnexpectedReply =>
            "the app answered something that is not the SmartRace protocol: capture the exchange with `lapgate bridge` and report it",
        ProbeFailure.ClosedByApp =>
            "the app closed the connection: another sensor may already be connected, or the app left Smartrace Connect",
        _ => "",
    };
}
