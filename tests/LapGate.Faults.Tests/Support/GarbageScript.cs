using System.Collections.Concurrent;

namespace LapGate.Faults.Tests.Support;

/// <summary>
/// A <see cref="StandInApp"/> script for an app that answers the handshake but sends garbage all the time: invalid
/// JSON, binary frames, unknown types, JSON that is not a message, and once (on the first connection, after a few
/// laps) a 1 MB frame. The stand-in records every analog_lap it receives (<see cref="StandInApp.Frames"/>).
/// </summary>
public static class GarbageScript
{
    private static readonly string[] Junk =
    [
        "{not json at all",
        "[1,2,3]",
        "{\"data\":{}}",
        "{\"type\":\"hello_from_the_future\",\"data\":{\"x\":[1,2]}}",
        "{\"type\":\"update_event_status\",\"data\":{}}",
        "\"just a string\"",
        "",
    ];

    /// <summary>The script; the 1 MB frame follows lap <paramref name="hugeFrameAfterLaps"/> of the first connection.</summary>
    public static StandInScript Create(int hugeFrameAfterLaps = 4)
    {
        var lapsOn = new ConcurrentDictionary<int, int>();
        var hugeSent = 0;
        return new StandInScript
        {
            Answer = false,
            OnFrame = async (connection, frame) =>
            {
                if (frame.Kind != WebSocketMessageType.Text || !MessageCodec.TryParse(frame.Payload, out var message, out _))
                {
                    return;
                }
                switch (message)
                {
                    case ApiVersionRequest:
                        await SendJunkAsync(connection, all: true);
                        await connection.SendTextAsync(MessageCodec.Serialize(new UpdateControllerData([])));
                        await SendJunkAsync(connection, all: false);
                        await connection.SendTextAsync(MessageCodec.Serialize(new UpdateServerInfo(false)));
                        await connection.SendTextAsync(MessageCodec.Serialize(new ApiVersionReply(7)));
                        break;
                    case ControllerSet:
                        await SendJunkAsync(connection, all: true);
                        break;
                    case AnalogLap:
                        var lapsHere = lapsOn.AddOrUpdate(connection.Number, 1, (_, n) => n + 1);
                        if (connection.Number == 1 && lapsHere == hugeFrameAfterLaps && Interlocked.Exchange(ref hugeSent, 1) == 0)
                        {
                            await connection.SendTextAsync("{\"type\":\"update_fuel\",\"data\":\"" + new string('x', 1 << 20) + "\"}");
                        }
                        else
                        {
                            await connection.SendTextAsync(Junk[lapsHere % Junk.Length]);
                            await connection.SendBinaryAsync([0xff, 0x00, 0x13, 0x37]);
                        }
                        break;
                }
            },
        };
    }

    private static async Task SendJunkAsync(StandInConnection connection, bool all)
    {
        foreach (var junk in all ? Junk : Junk[..2])
        {
            await connection.SendTextAsync(junk);
        }
        await connection.SendBinaryAsync("binary garbage"u8.ToArray());
    }
}
