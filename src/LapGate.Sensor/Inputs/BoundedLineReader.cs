namespace LapGate.Sensor.Inputs;

/// <summary>
/// Splits an input into lines of at most <see cref="MaxLineLength"/> characters (docs/line-protocol.md), for stdin and
/// serial devices alike. A line ends at LF, CR LF or CR (as TextReader.ReadLine has it). An over-long line is discarded as it streams: only its first
/// <see cref="PreviewLength"/> characters are kept (for the report) and its length counted, so a line of any size
/// (a binary file piped in, a device spewing noise) costs a fixed few KiB, and the next line is read as usual.
/// Bytes from a stream are taken as ASCII (anything above 0x7F reads as '?'); the unfinished tail stays visible in
/// <see cref="Partial"/>, so a line cut off by an unplug can be reported.
/// </summary>
public sealed class BoundedLineReader
{
    /// <summary>The longest line the line protocol allows.</summary>
    public const int MaxLineLength = 256;

    /// <summary>How much of an over-long line is kept for its report.</summary>
    public const int PreviewLength = 80;

    private readonly Func<Memory<char>, CancellationToken, ValueTask<int>> _read;
    // 1024 characters: a TextReader over a 4 KiB byte buffer (Console.In) fills that from one read of the stream
    // even in 4-byte UTF-8, so a read never blocks for more input while complete lines wait in this buffer.
    private readonly char[] _buffer = new char[1024];
    private readonly StringBuilder _line = new(MaxLineLength);
    private int _start;
    private int _end;
    private readonly bool _lastLineWithoutEnd;
    private long _length;
    private bool _afterCr;

    /// <summary>Lines from a text reader (stdin, or a string in tests); a last line without its end is a line too.</summary>
    public BoundedLineReader(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _read = reader.ReadAsync;
        _lastLineWithoutEnd = true;
    }

    /// <summary>Lines from a byte stream (a serial port), bytes as ASCII.</summary>
    public BoundedLineReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new byte[_buffer.Length];
        _read = async (chars, ct) =>
        {
            var read = await stream.ReadAsync(bytes, ct).ConfigureAwait(false);
            var span = chars.Span;
            for (var i = 0; i < read; i++)
            {
                span[i] = bytes[i] < 0x80 ? (char)bytes[i] : '?';
            }
            return read;
        };
    }

    /// <summary>The unfinished line read so far (at most <see cref="MaxLineLength"/> characters), empty between lines.</summary>
    public string Partial => _line.ToString();

    /// <summary>The next line, or null at the end of the input (an unfinished last line is then in <see cref="Partial"/>).</summary>
    public async ValueTask<LineRead?> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            while (_start < _end)
            {
                var c = _buffer[_start++];
                if (c == '\n' && _afterCr)
                {
                    _afterCr = false;
                    continue;
                }
                _afterCr = c == '\r';
                if (c is '\n' or '\r')
                {
                    var line = new LineRead(_line.ToString(), _length);
                    _line.Clear();
                    _length = 0;
                    return line;
                }
                _length++;
                if (_line.Length < (_length > MaxLineLength ? PreviewLength : MaxLineLength))
                {
                    _line.Append(c);
                }
                else if (_length == MaxLineLength + 1)
                {
                    // Past the limit: keep only the preview from here on.
                    _line.Length = PreviewLength;
                }
            }
            _start = 0;
            _end = await _read(_buffer, ct).ConfigureAwait(false);
            if (_end == 0)
            {
                if (_length > 0 && (_lastLineWithoutEnd || _length > MaxLineLength))
                {
                    // A last line without its end (a stream's unfinished one stays in Partial unless it is over-long).
                    var line = new LineRead(_line.ToString(), _length);
                    _line.Clear();
                    _length = 0;
                    return line;
                }
                return null;
            }
        }
    }
}
