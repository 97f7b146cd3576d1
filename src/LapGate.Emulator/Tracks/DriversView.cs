using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Tracks;

/// <summary><c>GET /api/drivers</c>: what the handshake sends now, where it comes from, and the managed list.</summary>
/// <param name="Source"><c>file</c> (a <c>--drivers</c> file overrides), <c>managed</c> or <c>default</c>.</param>
/// <param name="Controllers">The drivers the handshake sends now.</param>
/// <param name="Managed">The drivers managed in the emulator (kept even while a file overrides them).</param>
public sealed record DriversView(string Source, IReadOnlyList<ManagedDriver> Controllers, IReadOnlyList<ManagedDriver> Managed)
{
    internal static IReadOnlyList<ManagedDriver> From(UpdateControllerData data) =>
        [.. data.Controllers
            .Select(c => (Ok: int.TryParse(c.Key, System.Globalization.CultureInfo.InvariantCulture, out var id), Id: id, c.Value))
            .Where(c => c.Ok)
            .Select(c => new ManagedDriver(c.Id, c.Value.Driver, c.Value.Car, c.Value.Color, c.Value.BackgroundColor))];

    internal static UpdateControllerData ToData(IEnumerable<ManagedDriver> drivers) =>
        new([.. drivers.OrderBy(d => d.ControllerId).Select(d => new KeyValuePair<string, ControllerInfo>(
            d.ControllerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new ControllerInfo(d.Color, d.BackgroundColor, d.Driver, d.Car)))]);
}
