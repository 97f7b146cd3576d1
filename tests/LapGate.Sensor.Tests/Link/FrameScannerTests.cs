using System.Text;
using CsCheck;

namespace LapGate.Sensor.Tests.Link;

public class FrameScannerTests
{
    private static readonly byte[] Head = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");

    // (opcode, payload length, masked): text/binary/continuation data of any length class, or ping/pong/close.
    private static readonly Gen<(byte Opcode, int Length, bool Masked)> Frame = Gen.OneOf(
        Gen.Select(Gen.OneOfConst<byte>(0x0, 0x1, 0x2), Gen.OneOf(Gen.Int[0, 125], Gen.Int[126, 2000], Gen.Int[65_536, 70_000]), Gen.Bool),
        Gen.Select(Gen.OneOfConst<byte>(0x8, 0x9, 0xA), Gen.Int[0, 125], Gen.Bool));

    [Fact]
    public void Scan_FramesSplitAnywhere_ReportsEveryControlFrameWithItsPayloadInOrder()
    {
        Gen.Select(Frame.Array[1, 12], Gen.Int[1, 4000], Gen.UInt).Sample((frames, chunk, seed) =>
        {
            var random = new Random((int)seed);
            var wire = new List<byte>(Head);
            var expected = new List<(byte, byte[])>();
            foreach (var (opcode, length, masked) in frames)
            {
                var payload = new byte[length];
                random.NextBytes(payload);
                wire.AddRange(Encode(opcode, payload, masked, random));
                if (opcode >= 0x8)
                {
                    expected.Add((opcode, payload));
                }
            }
            var scanner = new FrameScanner();
            var seen = new List<(byte, byte[])>();
            scanner.ControlFrame = (opcode, payload) => seen.Add((opcode, payload.ToArray()));
            var bytes = wire.ToArray();
            for (var i = 0; i < bytes.Length; i += chunk)
            {
                scanner.Scan(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
            }

            Assert.Equal(expected.Count, seen.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Item1, seen[i].Item1);
                Assert.Equal(expected[i].Item2, seen[i].Item2);
            }
            Assert.True(scanner.AtFrameBoundary);
            Assert.False(scanner.Lost);
        }, iter: 300);
    }

    [Fact]
    public void Scan_MidFrame_IsNotAtAFrameBoundary()
    {
        var scanner = new FrameScanner();
        scanner.Scan(Head);
        var frame = Encode(0x1, new byte[300], masked: true, new Random(1));

        scanner.Scan(frame.AsSpan(0, 3));
        var midHeader = scanner.AtFrameBoundary;
        scanner.Scan(frame.AsSpan(3, 100));
        var midPayload = scanner.AtFrameBoundary;
        scanner.Scan(frame.AsSpan(103));

        Assert.False(midHeader);
        Assert.False(midPayload);
        Assert.True(scanner.AtFrameBoundary);
    }

    [Fact]
    public void Scan_BeforeTheEndOfTheHttpHead_SeesNoFrames()
    {
        var scanner = new FrameScanner();
        var seen = 0;
        scanner.ControlFrame = (_, _) => seen++;

        scanner.Scan(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\x89\x00\r"));

        Assert.Equal(0, seen);
        Assert.False(scanner.AtFrameBoundary);
    }

    [Fact]
    public void Scan_CloseFrame_IsRemembered()
    {
        var scanner = new FrameScanner();
        scanner.Scan(Head);

        scanner.Scan(Encode(0x8, [0x03, 0xE8], masked: false, new Random(2)));

        Assert.True(scanner.SawClose);
    }

    private static byte[] Encode(byte opcode, byte[] payload, bool masked, Random random)
    {
        var frame = new List<byte> { (byte)(0x80 | opcode) };
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length <= 125)
        {
            frame.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame.Add((byte)(maskBit | 126));
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }
        else
        {
            frame.Add((byte)(maskBit | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                frame.Add((byte)((long)payload.Length >> shift));
            }
        }
        var key = new byte[4];
        if (masked)
        {
            random.NextBytes(key);
            frame.AddRange(key);
        }
        for (var i = 0; i < payload.Length; i++)
        {
            frame.Add(masked ? (byte)(payload[i] ^ key[i % 4]) : payload[i]);
        }
        return [.. frame];
    }
}
