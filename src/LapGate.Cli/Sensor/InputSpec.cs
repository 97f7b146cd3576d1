using LapGate.Sensor.Inputs.Serial;

namespace LapGate.Cli.Sensor;

/// <summary>The parsed <c>--input</c> value: stdin, simulate, keyboard, gpio[:CHIP] or serial:PATH[@BAUD].</summary>
internal sealed record InputSpec(InputKind Kind, int GpioChip = 0, SerialInputOptions? Serial = null)
{
    /// <summary>The accepted forms, for help and errors.</summary>
    public const string Forms = "stdin, simulate, keyboard, gpio[:CHIP] or serial:PATH[@BAUD]";

    /// <summary>Parses an <c>--input</c> value; null with <paramref name="error"/> when it is not valid.</summary>
    public static InputSpec? TryParse(string text, out string? error)
    {
        error = null;
        switch (text)
        {
            case "stdin":
                return new InputSpec(InputKind.Stdin);
            case "simulate":
                return new InputSpec(InputKind.Simulate);
            case "keyboard":
                return new InputSpec(InputKind.Keyboard);
            case "gpio":
                return new InputSpec(InputKind.Gpio);
            default:
                break;
        }
        if (text.StartsWith("gpio:", StringComparison.Ordinal))
        {
            if (int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var chip))
            {
                return new InputSpec(InputKind.Gpio, chip);
            }
            error = $"--input {text}: '{text[5..]}' is not a chip number (use gpio or gpio:4 for /dev/gpiochip4)";
            return null;
        }
        if (text.StartsWith("serial:", StringComparison.Ordinal))
        {
            var serial = SerialInputOptions.TryParse(text[7..], out var serialError);
            if (serial is not null)
            {
                return new InputSpec(InputKind.Serial, Serial: serial);
            }
            error = $"--input {text}: {serialError}";
            return null;
        }
        error = $"--input {text}: unknown input (use {Forms})";
        return null;
    }

    /// <summary>The <c>--input</c> text that gives this input (the default baud rate left out).</summary>
    public override string ToString() => Kind switch
    {
        InputKind.Stdin => "stdin",
        InputKind.Simulate => "simulate",
        InputKind.Keyboard => "keyboard",
        InputKind.Gpio => GpioChip == 0 ? "gpio" : $"gpio:{GpioChip.ToString(CultureInfo.InvariantCulture)}",
        InputKind.Serial => Serial!.BaudRate == SerialInputOptions.DefaultBaudRate
            ? $"serial:{Serial.Path}"
            : $"serial:{Serial.Path}@{Serial.BaudRate.ToString(CultureInfo.InvariantCulture)}",
        _ => throw new InvalidOperationException($"input kind {Kind} has no text form"),
    };
}
