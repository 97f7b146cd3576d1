using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace LapGate.Cli.Logging;

/// <summary>One readable line per event: <c>18:03:25.094 lap  controller 2: 3734 ms …</c>; warnings and errors are marked.</summary>
internal sealed class CompactConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "lapgate";

    public CompactConsoleFormatter() : base(FormatterName) { }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff ", CultureInfo.InvariantCulture));
        textWriter.Write(logEntry.LogLevel switch
        {
            LogLevel.Warning => "WARNING ",
            LogLevel.Error => "ERROR ",
            LogLevel.Critical => "FATAL ",
            _ => "",
        });
        if (!logEntry.Category.StartsWith("LapGate", StringComparison.Ordinal))
        {
            textWriter.Write('[');
            textWriter.Write(logEntry.Category);
            textWriter.Write("] ");
        }
        textWriter.Write(message);
        if (logEntry.Exception is { } ex)
        {
            textWriter.Write(" (");
            textWriter.Write(ex.GetType().Name);
            textWriter.Write(": ");
            textWriter.Write(ex.Message);
            textWriter.Write(')');
        }
        textWriter.WriteLine();
    }
}
