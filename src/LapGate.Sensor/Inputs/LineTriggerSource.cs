using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LapGate.Sensor.Inputs;

/// <summary>
/// Triggers from a text stream in the line protocol (<see cref="LineParser"/>). Each line is stamped with
/// the monotonic clock the moment it is read; bad lines are logged with their line number and skipped; comment
/// lines are logged by <see cref="BoardComments"/>.
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
        var lineNumber = 0;
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct).ConfigureAwait(false);
            var stamp = _time.GetTimestamp();
            if (line is null)
            {
                yield break;
            }
            lineNumber++;
            var parsed = LineParser.Parse(line);
            switch (parsed.Kind)
            {
                case LineKind.Trigger:
                    yield return new Trigger(parsed.Pin, parsed.DeviceTimeMicros, stamp, lineNumber);
                    break;
                case LineKind.Invalid:
                    var problem = new InputProblem(Name, lineNumber, line, parsed.Error!);
                    _logger.LogWarning("{Problem}", problem.ToString());
                    Problem?.Invoke(this, problem);
                    break;
                case LineKind.Ignored when parsed.Comment is { } comment:
                    _comments.Log(lineNumber, comment);
                    break;
                default:
                    break;
            }
        }
    }
}
