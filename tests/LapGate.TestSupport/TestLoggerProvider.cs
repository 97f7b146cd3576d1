using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LapGate.TestSupport;

/// <summary>
/// Writes every log line to the test output (when given), keeps errors (a test fails if a server logged one),
/// and lets a test await a log line (e.g. "delaying handshake") instead of sleeping.
/// Lines read <c>LEVEL CATEGORY: MESSAGE</c>, e.g. <c>Warning     LapGate.Bridge: upstream … unreachable</c>.
/// </summary>
public sealed class TestLoggerProvider(ITestOutputHelper? output = null) : ILoggerProvider
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public IReadOnlyCollection<string> Errors => _errors;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Lines logged at <paramref name="level"/> that contain <paramref name="text"/>.</summary>
    public IEnumerable<string> LinesAt(LogLevel level, string text) =>
        _lines.Where(l => l.StartsWith(level.ToString(), StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new TestLogger(this, categoryName);

    /// <summary>Completes when a line containing <paramref name="text"/> was (or is) logged.</summary>
    public Task<string> WaitForLineAsync(string text)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            var existing = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null)
            {
                done.SetResult(existing);
            }
            else
            {
                _waiters.Add((l => l.Contains(text, StringComparison.Ordinal), done));
            }
        }
        return done.Task.WaitAsync(WaitLimit);
    }

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = $"{level,-11} {category}: {message}{(exception is null ? "" : " " + exception)}";
        try
        {
            output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // Logged after the test finished (server shutdown): nowhere to write.
        }
        if (level >= LogLevel.Error)
        {
            _errors.Enqueue(line);
        }
        lock (_waitersLock)
        {
            _lines.Enqueue(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Done.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private sealed class TestLogger(TestLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
