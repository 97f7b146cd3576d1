using System.Runtime.CompilerServices;
using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs.Keyboard;

/// <summary>
/// <c>--input keyboard</c>: try a setup without hardware. Keys come from <see cref="Console.ReadKey(bool)"/> when
/// the console is interactive (or from any key reader given), mapped by <see cref="KeyMap"/>, stamped on arrival.
/// </summary>
public sealed class KeyboardTriggerSource : ITriggerSource
{
    private readonly KeyMap _map;
    private readonly Func<CancellationToken, ValueTask<char?>> _readKey;
    private readonly TimeProvider _time;

    /// <param name="config">The gates the keys trigger.</param>
    /// <param name="readKey">Returns the next key, or null at the end; default: the console.</param>
    /// <param name="timeProvider">Stamps the triggers.</param>
    public KeyboardTriggerSource(SensorConfig config, Func<CancellationToken, ValueTask<char?>>? readKey = null, TimeProvider? timeProvider = null)
    {
        _map = new KeyMap(config);
        _readKey = readKey ?? ReadConsoleKeyAsync;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string Name => "keyboard";

    /// <summary>Which keys do what.</summary>
    public string Help => _map.Help();

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await _readKey(ct).ConfigureAwait(false) is { } key)
        {
            var stamp = _time.GetTimestamp();
            var (action, pin) = _map.Map(key);
            if (action == KeyAction.Quit)
            {
                yield break;
            }
            if (action == KeyAction.Trigger)
            {
                yield return new Trigger(pin, null, stamp, null);
            }
        }
    }

    private static async ValueTask<char?> ReadConsoleKeyAsync(CancellationToken ct)
    {
        if (Console.IsInputRedirected)
        {
            var buffer = new char[1];
            var read = await Console.In.ReadAsync(buffer, ct).ConfigureAwait(false);
            return read == 0 ? null : buffer[0];
        }
        // ReadKey blocks; a worker thread keeps the pipeline free and cancellation abandons the wait.
        return await Task.Run(() => (char?)Console.ReadKey(intercept: true).KeyChar, CancellationToken.None)
            .WaitAsync(ct).ConfigureAwait(false);
    }
}
