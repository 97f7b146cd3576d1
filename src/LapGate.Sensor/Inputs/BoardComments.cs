using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Inputs;

/// <summary>
/// Logs the <c>#</c> comment lines an input prints (a board's banner and diagnostics). A banner, a comment that
/// starts with "lapgate" (<c># lapgate-pico 1.0 on …</c>), is logged at information the first time and whenever it
/// changes, and at debug when a board repeats it; <c># overflow N</c> (edges the board lost) is a warning; any
/// other comment is logged at debug.
/// </summary>
internal sealed partial class BoardComments(string input, ILogger logger)
{
    private string? _banner;

    public void Log(int lineNumber, string comment)
    {
        if (comment.StartsWith("lapgate", StringComparison.OrdinalIgnoreCase))
        {
            if (comment != _banner)
            {
                _banner = comment;
                LogBanner(logger, input, comment);
                return;
            }
        }
        else if (comment.StartsWith("overflow", StringComparison.OrdinalIgnoreCase))
        {
            LogOverflow(logger, input, lineNumber, comment);
            return;
        }
        LogComment(logger, input, lineNumber, comment);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: {Banner}")]
    private static partial void LogBanner(ILogger logger, string input, string banner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input} line {Line}: the board reports '{Comment}': it lost edges because its queue was full (laps may be missing)")]
    private static partial void LogOverflow(ILogger logger, string input, int line, string comment);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Input} line {Line}: # {Comment}")]
    private static partial void LogComment(ILogger logger, string input, int line, string comment);
}
