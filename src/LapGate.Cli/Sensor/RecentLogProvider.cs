using System.Collections.Concurrent;

namespace LapGate.Cli.Sensor;

/// <summary>Keeps the last log lines for the live screen (instead of printing them under it).</summary>
internal sealed class RecentLogProvider(int capacity = 8) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new RecentLogger(this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class RecentLogger(RecentLogProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var level = logLevel >= LogLevel.Warning ? "warn" : "info";
                owner.Add($"{DateTime.Now:HH:mm:ss} {level}: {formatter(state, exception)}");
            }
        }
    }
}
