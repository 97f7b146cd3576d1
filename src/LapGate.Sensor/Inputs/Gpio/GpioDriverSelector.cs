using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Runtime.InteropServices;

namespace LapGate.Sensor.Inputs.Gpio;

/// <summary>
/// Picks the libgpiod driver for <c>--input gpio[:CHIP]</c>: libgpiod 2.x (<c>libgpiod.so.3</c>, Raspberry Pi OS
/// trixie) gets <see cref="LibGpiodV2Driver"/>, libgpiod 1.x (<c>libgpiod.so.2</c>, bookworm) gets
/// <see cref="LibGpiodDriver"/>. Checks the chip device first so a wrong chip is a clear message.
/// </summary>
public static class GpioDriverSelector
{
    /// <summary>What to install when libgpiod is missing.</summary>
    public const string InstallHint =
        "Install it: 'sudo apt install libgpiod2' (Raspberry Pi OS bookworm, libgpiod 1.x) or 'sudo apt install libgpiod3' (trixie, libgpiod 2.x).";

    /// <summary>What to change when the chip cannot be opened.</summary>
    public const string ChipHint =
        "Pick the chip by its number N of /dev/gpiochipN (see 'ls /dev/gpiochip*'; a Pi 5 on an older kernel has its header on chip 4), "
        + "and make sure the user is in the 'gpio' group ('sudo usermod -aG gpio $USER', then log in again).";

    /// <summary>The libgpiod major version found on this machine (1 or 2), or null when none is installed.</summary>
    public static int? InstalledLibgpiod()
    {
        if (TryLoad("libgpiod.so.3"))
        {
            return 2;
        }
        return TryLoad("libgpiod.so.2") ? 1 : null;
    }

    /// <summary>Makes the driver for <paramref name="chip"/>; throws <see cref="InputOpenException"/> with a hint.</summary>
    public static GpioDriver Create(int chip)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chip);
        var device = $"/dev/gpiochip{chip}";
        if (!File.Exists(device))
        {
            var present = Directory.Exists("/dev")
                ? Directory.GetFiles("/dev", "gpiochip*").Order(StringComparer.Ordinal).ToArray()
                : [];
            var found = present.Length == 0 ? "this machine has no GPIO chip at all" : "found: " + string.Join(", ", present);
            throw new InputOpenException($"gpio:{chip}: {device} does not exist ({found}). {ChipHint}");
        }
        var version = InstalledLibgpiod()
            ?? throw new InputOpenException($"gpio:{chip}: the GPIO library libgpiod is not installed. {InstallHint}");
        return version == 2 ? new LibGpiodV2Driver(chip) : new LibGpiodDriver(chip);
    }

    /// <summary>
    /// Runs <paramref name="createDriver"/>: a libgpiod that cannot be loaded, or a chip that cannot be opened, becomes an
    /// <see cref="InputOpenException"/> that says what to do, its message starting with <paramref name="prefix"/>.
    /// </summary>
    internal static GpioDriver Run(Func<GpioDriver> createDriver, string prefix)
    {
        try
        {
            return createDriver();
        }
        catch (InputOpenException)
        {
            throw;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            throw new InputOpenException($"{prefix}the GPIO library libgpiod could not be loaded ({ex.Message}). " + InstallHint, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception or PlatformNotSupportedException)
        {
            throw new InputOpenException($"{prefix}the GPIO chip cannot be opened: {ex.Message}. " + ChipHint, ex);
        }
    }

    private static bool TryLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return false;
        }
        NativeLibrary.Free(handle);
        return true;
    }
}
