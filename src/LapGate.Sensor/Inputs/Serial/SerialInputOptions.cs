using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>Where and how a serial device is read (<c>--input serial:PATH[@BAUD]</c>).</summary>
public sealed class SerialInputOptions
{
    /// <summary>The reference firmware's speed.</summary>
    public const int DefaultBaudRate = 115200;

    /// <summary>The device, e.g. /dev/ttyACM0 or /dev/serial/by-id/usb-Arduino…</summary>
    public required string Path { get; init; }

    /// <summary>Bits per second.</summary>
    public int BaudRate { get; init; } = DefaultBaudRate;

    /// <summary>First wait before reopening a vanished port; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between attempts to reopen the port.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The words of the text form for the properties its problems name.</summary>
    private static readonly Dictionary<string, string> TextFormNames = new(StringComparer.Ordinal)
    {
        ["Path:"] = "the serial device path",
        ["BaudRate:"] = "baud rate",
    };

    /// <summary>Parses <c>PATH[@BAUD]</c> (the part after <c>serial:</c>); null with an error when invalid.</summary>
    public static SerialInputOptions? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var path = at >= 0 ? text[..at] : text;
        var baud = DefaultBaudRate;
        if (at >= 0 && !int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out baud))
        {
            error = $"'{text[(at + 1)..]}' is not a baud rate (use serial:/dev/ttyACM0@115200)";
            return null;
        }
        var options = new SerialInputOptions { Path = path, BaudRate = baud };
        var problems = SerialInputOptionsValidator.Instance.Validate(null, options).Problems();
        error = problems.Count > 0 ? OptionsValidation.Rename(string.Join("; ", problems), TextFormNames) : null;
        return error is null ? options : null;
    }
}
