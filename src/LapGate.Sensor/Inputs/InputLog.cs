using System.Device.Gpio;

namespace LapGate.Sensor.Inputs;

/// <summary>The inputs' log lines (source-generated logging): line problems, board comments, serial ports, GPIO pins.</summary>
internal static partial class InputLog
{
    [LoggerMessage(301, LogLevel.Warning, "{Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(302, LogLevel.Information, "{Input}: {Banner}")]
    public static partial void Banner(ILogger logger, string input, string banner);

    [LoggerMessage(303, LogLevel.Warning, "{Input} line {Line}: the board reports '{Comment}': it lost edges because its queue was full (laps may be missing)")]
    public static partial void Overflow(ILogger logger, string input, int line, string comment);

    [LoggerMessage(304, LogLevel.Debug, "{Input} line {Line}: # {Comment}")]
    public static partial void Comment(ILogger logger, string input, int line, string comment);

    [LoggerMessage(305, LogLevel.Warning, "{Input}: the port was lost (unplugged?); reopening it as soon as it is back")]
    public static partial void PortLost(ILogger logger, string input);

    [LoggerMessage(306, LogLevel.Warning, "{Input}: {Path} does not exist (device not plugged in?); waiting for it")]
    public static partial void PortMissing(ILogger logger, string input, string path);

    [LoggerMessage(307, LogLevel.Warning, "{Input}: cannot open {Path}: {Error}{Hint}; retrying")]
    public static partial void PortNotOpened(ILogger logger, string input, string path, string error, string hint);

    [LoggerMessage(308, LogLevel.Information, "{Input}: open at {Baud} baud")]
    public static partial void PortOpen(ILogger logger, string input, int baud);

    [LoggerMessage(309, LogLevel.Warning, "{Input}: pin {Pin} has no built-in {Mode}; fit an external resistor")]
    public static partial void NoBuiltInResistor(ILogger logger, string input, int pin, PinMode mode);

    [LoggerMessage(310, LogLevel.Warning, "{Input}: pin {Pin} edge dropped: {Capacity} edges already waiting ({Dropped} dropped so far)")]
    public static partial void EdgeDropped(ILogger logger, string input, int pin, int capacity, long dropped);
}
