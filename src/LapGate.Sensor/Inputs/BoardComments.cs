namespace LapGate.Sensor.Inputs;

/// <summary>
/// Logs the <c>#</c> comment lines an input prints (a board's banner and diagnostics). A banner, a comment that
/// starts with "lapgate" (<c># lapgate-pico 1.0 on …</c>), is logged at information the first time and whenever it
/// changes, and at debug when a board repeats it; <c># overflow N</c> (edges the board lost) is a warning; any
/// other comment is logged at debug. Control characters are escaped (<see cref="LinePreview"/>); a banner is shown
/// whole (a line holds at most <see cref="BoundedLineReader.MaxLineLength"/> characters), other comments cut like any line.
/// </summary>
internal sealed class BoardComments(string input, ILogger logger)
{
    private string? _banner;

    public void Log(int lineNumber, string comment)
    {
        if (comment.StartsWith("lapgate", StringComparison.OrdinalIgnoreCase))
        {
            if (comment != _banner)
            {
                _banner = comment;
                InputLog.Banner(logger, input, LinePreview.Of(comment, maxShown: BoundedLineReader.MaxLineLength));
                return;
            }
        }
        else if (comment.StartsWith("overflow", StringComparison.OrdinalIgnoreCase))
        {
            InputLog.Overflow(logger, input, lineNumber, LinePreview.Of(comment));
            return;
        }
        InputLog.Comment(logger, input, lineNumber, LinePreview.Of(comment));
    }
}
