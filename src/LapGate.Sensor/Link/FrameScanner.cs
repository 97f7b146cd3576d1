namespace LapGate.Sensor.Link;

/// <summary>
/// Follows one direction of a WebSocket connection byte by byte, without changing or holding the bytes: first the
/// HTTP upgrade head (up to the blank line), then frame headers (RFC 6455 section 5.2). Data payloads are skipped by
/// counting; control frames (ping, pong, close: at most 125 bytes) are collected and handed to
/// <see cref="ControlFrame"/> once complete, unmasked. No extension is negotiated by the sensor, so the header
/// layout is the plain one.
/// </summary>
internal sealed class FrameScanner
{
    private const byte OpClose = 0x8;
    private const int MaxControlPayload = 125;

    private readonly byte[] _header = new byte[14];
    private readonly byte[] _control = new byte[MaxControlPayload];
    private bool _inFrames;
    private int _httpTail;
    private int _headerLength;
    private long _payloadLeft;
    private int _controlLength;
    private int _controlFilled;
    private byte _opcode;
    private bool _masked;
    private int _maskOffset;

    /// <summary>A complete control frame: its opcode and its payload (unmasked; valid only during the call).</summary>
    public Action<byte, ReadOnlySpan<byte>>? ControlFrame { get; set; }

    /// <summary>True between frames (after the upgrade head): the next byte starts a frame header.</summary>
    public bool AtFrameBoundary => _inFrames && _headerLength == 0 && _payloadLeft == 0 && _controlLength == 0;

    /// <summary>A close frame has gone by in this direction.</summary>
    public bool SawClose { get; private set; }

    /// <summary>The bytes are in a shape this scanner cannot follow (a control frame over 125 bytes): it stops.</summary>
    public bool Lost { get; private set; }

    /// <summary>Follows the next bytes of the direction.</summary>
    public void Scan(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length && !Lost)
        {
            if (!_inFrames)
            {
                i = ScanHttpHead(bytes, i);
            }
            else if (_payloadLeft > 0 && _controlLength == 0)
            {
                var skip = (int)Math.Min(_payloadLeft, bytes.Length - i);
                _payloadLeft -= skip;
                i += skip;
            }
            else if (_controlLength > 0)
            {
                var take = Math.Min(_controlLength - _controlFilled, bytes.Length - i);
                bytes.Slice(i, take).CopyTo(_control.AsSpan(_controlFilled));
                _controlFilled += take;
                i += take;
                if (_controlFilled == _controlLength)
                {
                    EndControlFrame();
                }
            }
            else
            {
                _header[_headerLength++] = bytes[i++];
                TryEndHeader();
            }
        }
    }

    private int ScanHttpHead(ReadOnlySpan<byte> bytes, int i)
    {
        // The head ends at CR LF CR LF; _httpTail counts how much of that sequence was seen last.
        while (i < bytes.Length)
        {
            var b = bytes[i++];
            var expected = _httpTail % 2 == 0 ? (byte)'\r' : (byte)'\n';
            _httpTail = b == expected ? _httpTail + 1 : (b == '\r' ? 1 : 0);
            if (_httpTail == 4)
            {
                _inFrames = true;
                return i;
            }
        }
        return i;
    }

    private void TryEndHeader()
    {
        if (_headerLength < 2)
        {
            return;
        }
        var len7 = _header[1] & 0x7F;
        var masked = (_header[1] & 0x80) != 0;
        var extended = len7 switch { 126 => 2, 127 => 8, _ => 0 };
        var needed = 2 + extended + (masked ? 4 : 0);
        if (_headerLength < needed)
        {
            return;
        }
        long length = len7;
        if (extended == 2)
        {
            length = (_header[2] << 8) | _header[3];
        }
        else if (extended == 8)
        {
            length = 0;
            for (var k = 2; k < 10; k++)
            {
                length = (length << 8) | _header[k];
            }
        }
        _opcode = (byte)(_header[0] & 0x0F);
        _masked = masked;
        _maskOffset = 2 + extended;
        _headerLength = 0;
        if (_opcode >= OpClose)
        {
            if (length > MaxControlPayload)
            {
                Lost = true;
                return;
            }
            _controlLength = (int)length;
            _controlFilled = 0;
            if (length == 0)
            {
                EndControlFrame();
            }
            return;
        }
        _payloadLeft = length;
    }

    private void EndControlFrame()
    {
        var payload = _control.AsSpan(0, _controlFilled);
        if (_masked)
        {
            for (var k = 0; k < payload.Length; k++)
            {
                payload[k] ^= _header[_maskOffset + (k % 4)];
            }
        }
        _controlLength = 0;
        _controlFilled = 0;
        if (_opcode == OpClose)
        {
            SawClose = true;
        }
        ControlFrame?.Invoke(_opcode, payload);
    }
}
