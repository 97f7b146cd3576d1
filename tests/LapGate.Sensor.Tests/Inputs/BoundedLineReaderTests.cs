using System.Text;

namespace LapGate.Sensor.Tests.Inputs;

public class BoundedLineReaderTests
{
    [Fact]
    public async Task ReadLineAsync_LineOverTheLimit_DiscardedKeepingAPreviewAndTheNextLineIsRead()
    {
        var exact = new string('7', BoundedLineReader.MaxLineLength);
        var lines = new BoundedLineReader(new StringReader($"21 100\n{new string('x', 300)}\n{exact}\n22 200"));

        var all = await ReadAllAsync(lines);

        Assert.Equal(["21 100", new string('x', BoundedLineReader.PreviewLength), exact, "22 200"], all.Select(l => l.Text));
        Assert.Equal([false, true, false, false], all.Select(l => l.TooLong));
        Assert.Equal(300, all[1].Length);
    }

    [Fact]
    public async Task ReadLineAsync_LfCrLfAndCrEndingsOneCharacterPerRead_SameLinesAsReadLine()
    {
        const string text = "21 1\r\n22 2\n\n23 3\r24 4\r\n";
        var lines = new BoundedLineReader(new TrickleReader(text));

        var all = await ReadAllAsync(lines);

        var expected = new List<string>();
        using (var reader = new StringReader(text))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                expected.Add(line);
            }
        }
        Assert.Equal(expected, all.Select(l => l.Text));
    }

    [Fact]
    public async Task ReadLineAsync_A64MegabyteLineWithoutEnd_StreamsThroughInFixedMemoryAndTheNextLineIsRead()
    {
        const long huge = 64L * 1024 * 1024;
        var lines = new BoundedLineReader(new GeneratedReader(huge, "\n21 5000\n"));
        // The generated input completes every read at once, so the whole line is read on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var first = await lines.ReadLineAsync(CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var next = await lines.ReadLineAsync(CancellationToken.None);

        Assert.True(first!.Value.TooLong);
        Assert.Equal(huge, first.Value.Length);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated while reading a {huge}-character line");
        Assert.Equal("21 5000", next!.Value.Text);
    }

    [Fact]
    public async Task ReadLineAsync_BytesFromAStream_AsciiWithHighBytesAsQuestionMarksAndTheUnfinishedTailInPartial()
    {
        var bytes = Encoding.Latin1.GetBytes("21 100\n\u00e9\u00ff 7\n22 3");
        var lines = new BoundedLineReader(new MemoryStream(bytes));

        var all = await ReadAllAsync(lines);

        Assert.Equal(["21 100", "?? 7"], all.Select(l => l.Text));
        Assert.Equal("22 3", lines.Partial);
    }

    [Fact]
    public async Task LineTriggerSource_OverLongBinaryLine_ReportedOnceWithItsNumberShortAndEscapedAndTheNextTriggerDelivered()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var junk = "\u0001\u001b[31m\u0000" + new string('z', 5000);
        var source = new LineTriggerSource(new StringReader($"21 100\n{junk}\nbad\u0007line\n22 200\n"), "stdin", time);
        var problems = new List<InputProblem>();
        source.Problem += (_, p) => problems.Add(p);

        var triggers = new List<Trigger>();
        await foreach (var t in source.ReadAsync(CancellationToken.None))
        {
            triggers.Add(t);
        }

        Assert.Equal([2, 3], problems.Select(p => p.Line));
        Assert.Equal([1, 4], triggers.Select(t => t.Line));
        var report = problems[0].ToString();
        Assert.StartsWith("stdin line 2: line longer than 256 characters (5007) — skipped: \\x01\\x1b[31m\\x00zzz", report, StringComparison.Ordinal);
        Assert.EndsWith("… (5007 characters)", report, StringComparison.Ordinal);
        Assert.True(problems[0].Text.Length < 120, problems[0].Text);
        Assert.DoesNotContain(report, c => char.IsControl(c));
        Assert.Contains("bad\\x07line", problems[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LinePreview_TabAndControlCharacters_EscapedAndALongLineCut()
    {
        Assert.Equal("21\\t100\\x0d", LinePreview.Of("21\t100\r"));
        Assert.Equal(new string('a', 80) + "… (81 characters)", LinePreview.Of(new string('a', 81)));
    }

    private static async Task<List<LineRead>> ReadAllAsync(BoundedLineReader lines)
    {
        var all = new List<LineRead>();
        while (await lines.ReadLineAsync(CancellationToken.None) is { } line)
        {
            all.Add(line);
        }
        return all;
    }

    /// <summary>Hands out one character per read, so every line end falls across reads.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _at;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (_at == text.Length || buffer.IsEmpty)
            {
                return ValueTask.FromResult(0);
            }
            buffer.Span[0] = text[_at++];
            return ValueTask.FromResult(1);
        }
    }

    /// <summary>A line of <paramref name="length"/> 'A's without an end, then <paramref name="tail"/>; nothing is held.</summary>
    private sealed class GeneratedReader(long length, string tail) : TextReader
    {
        private long _left = length;
        private int _tailAt;

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var span = buffer.Span;
            if (_left > 0)
            {
                var n = (int)Math.Min(_left, span.Length);
                span[..n].Fill('A');
                _left -= n;
                return ValueTask.FromResult(n);
            }
            var count = Math.Min(tail.Length - _tailAt, span.Length);
            tail.AsSpan(_tailAt, count).CopyTo(span);
            _tailAt += count;
            return ValueTask.FromResult(count);
        }
    }
}
