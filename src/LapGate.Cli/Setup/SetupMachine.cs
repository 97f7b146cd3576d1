using LapGate.Cli.Sensor;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Inputs.Gpio;
using LapGate.Sensor.Inputs.Serial;
using LapGate.Sensor.Probing;

namespace LapGate.Cli.Setup;

/// <summary>What <c>lapgate setup</c> finds on and does with this machine; tests replace the hardware edge.</summary>
internal sealed class SetupMachine
{
    /// <summary>Checks the tablet's address (the <c>probe</c> code, without registering).</summary>
    public Func<Uri, CancellationToken, Task<ProbeResult>> Probe { get; init; } =
        (server, ct) => AppProbe.RunAsync(server, new ProbeOptions { Samples = 1 }, ct);

    /// <summary>The GPIO chips, e.g. /dev/gpiochip0.</summary>
    public Func<IReadOnlyList<string>> GpioChips { get; init; } = () => Find("/dev", "gpiochip*");

    /// <summary>Serial devices, the stable /dev/serial/by-id/… names first (they survive replugging), then ttyACM*/ttyUSB*.</summary>
    public Func<IReadOnlyList<string>> SerialDevices { get; init; } = () =>
    {
        var byId = Find("/dev/serial/by-id", "*");
        return byId.Count > 0 ? byId : [.. Find("/dev", "ttyACM*"), .. Find("/dev", "ttyUSB*")];
    };

    /// <summary>Opens a watcher for the chosen input (GPIO: every free header pin; serial: the board).</summary>
    public Func<InputSpec, IGateWatcher> Watch { get; init; } = input => input.Kind == InputKind.Gpio
        ? new GpioGateWatcher(() => GpioDriverSelector.Create(input.GpioChip))
        : new SerialGateWatcher(input.Serial!);

    /// <summary>The clock for backup names.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    private static IReadOnlyList<string> Find(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToArray() : [];
}
