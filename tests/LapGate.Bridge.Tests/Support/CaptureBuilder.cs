using System.Text.Json;

namespace LapGate.Bridge.Tests.Support;

/// <summary>Writes capture records by hand, for replay tests.</summary>
public sealed class CaptureBuilder
{
    private readonly List<CaptureRecord> _records = [];

    public CaptureBuilder Open(int conn, double ms) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.Open, Client = "127.0.0.1:1", Upstream = "ws://127.0.0.1:2/" });

    public CaptureBuilder Sensor(int conn, double ms, string text) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.Text, Direction = CaptureNames.ClientToApp, Text = text });

    public CaptureBuilder SensorBinary(int conn, double ms, byte[] data) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.Binary, Direction = CaptureNames.ClientToApp, Base64 = Convert.ToBase64String(data) });

    public CaptureBuilder App(int conn, double ms, string text) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.Text, Direction = CaptureNames.AppToClient, Text = text });

    public CaptureBuilder Close(int conn, double ms, string dir, int code, string reason) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.Close, Direction = dir, Code = code, Reason = reason });

    public CaptureBuilder End(int conn, double ms) => Add(new CaptureRecord { Connection = conn, Ms = ms, Kind = CaptureNames.End });

    public IReadOnlyList<CaptureEntry> Entries => _records.Select((r, i) => new CaptureEntry(i + 1, r)).ToList();

    public string ToJsonLines() => string.Concat(_records.Select(r => JsonSerializer.Serialize(r, CaptureJsonContext.Readable.CaptureRecord) + "\n"));

    private CaptureBuilder Add(CaptureRecord record)
    {
        record.Time = "2026-11-24T18:00:00.000Z";
        _records.Add(record);
        return this;
    }
}
