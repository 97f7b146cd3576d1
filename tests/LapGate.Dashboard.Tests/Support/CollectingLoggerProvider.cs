using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LapGate.Dashboard.Tests.Support;

/// <summary>Writes the emulator's log to the test output and keeps its errors (a test fails on any).</summary>
internal sealed class CollectingLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = $"{level,-11} {category}: {message}{(exception is null ? "" : " " + exception)}";
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // Logged after the test finished.
        }
        if (level >= LogLevel.Error)
        {
            _errors.Enqueue(line);
        }
    }

    private sealed class Logger(CollectingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
