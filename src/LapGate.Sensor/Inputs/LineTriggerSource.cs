using System.Runtime.CompilerServices;

namespace LapGate.Sensor.Inputs;

/// <summary>
/// Triggers from a text stream in the line protocol (<see cref="LineParser"/>), read by a <see cref="BoundedLineReader"/>.
/// Each line is stamped with the monotonic clock the moment it is read; bad and over-long lines are logged once with
/// their line number (shown as <see cref="LinePreview"/>: at most about 80 characters) and skipped; comment lines are
/// logged by <see cref="BoardComments"/>.
/// </summary>
public class LineTriggerSource : ITriggerSource
{
    private readonly TextReader _reader;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BoardComments _comments;

    public LineTriggerSource(TextReader reader, string name, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        _reader = reader;
        Name = name;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _comments = new BoardComments(name, _logger);
    }

    public string Name { get; }

    /// <summary>Raised for every line that is reported and skipped.</summary>
    public event EventHandler<InputProblem>? Problem;

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var lines = new BoundedLineReader(_reader);
        var lineNumber = 0;
        while (true)
        {
            var read = await lines.ReadLineAsync(ct).ConfigureAwait(false);
            var stamp = _time.GetTimestamp();
            if (read is not { } line)
            {
                yield break;
            }
            lineNumber++;
            if (line.TooLong)
            {
                Report(lineNumber, line, $"line longer than {BoundedLineReader.MaxLineLength} characters ({line.Length})");
                continue;
            }
            var parsed = LineParser.Parse(line.Text);
            switch (parsed.Kind)
            {
                case LineKind.Trigger:
                    yield return new Trigger(parsed.Pin, parsed.DeviceTimeMicros, stamp, lineNumber);
                    break;
                case LineKind.Invalid:
                    Report(lineNumber, line, parsed.Error!);
                    break;
                case LineKind.Ignored when parsed.Comment is { } comment:
                    _comments.Log(lineNumber, comment);
                    break;
                default:
                    break;
            }
        }
    }

    private void Report(int lineNumber, LineRead line, string reason)
    {
        var problem = new InputProblem(Name, lineNumber, LinePreview.Of(line.Text, line.Length), reason);
        InputLog.Problem(_logger, problem.ToString());
        Problem?.Invoke(this, problem);
    }
}
