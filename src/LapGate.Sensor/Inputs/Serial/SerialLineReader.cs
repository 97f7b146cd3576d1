using System.Text;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>
/// Splits a serial stream into lines (LF or CR LF; bytes as ASCII). Unlike a StreamReader it keeps the
/// unfinished tail visible in <see cref="Partial"/>, so a line cut off by an unplug can be reported.
/// </summary>
internal sealed class SerialLineReader(Stream stream)
{
    private const int MaxLine = 256;
    private readonly byte[] _buffer = new byte[512];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _overlong;

    /// <summary>The bytes of an unfinished line.</summary>
    public string Partial => _line.ToString();

    /// <summary>The next line without its end, or null at end of stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            while (_start < _end)
            {
                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    var text = _overlong ? "(line longer than 256 characters)" : _line.ToString().TrimEnd('\r');
                    _line.Clear();
                    _overlong = false;
                    return text;
                }
                if (_line.Length < MaxLine)
                {
                    _line.Append(b < 0x80 ? (char)b : '?');
                }
                else
                {
                    _overlong = true;
                }
            }
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct).ConfigureAwait(false);
            if (_end == 0)
            {
                return null;
            }
        }
    }
}
