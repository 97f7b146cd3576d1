using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;

namespace CodecBench;

/// <summary>The codec's hot paths. Writing analog_lap with TryFormatAnalogLap must allocate 0 B.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly byte[] _buffer = new byte[MessageCodec.MaxAnalogLapBytes];
    private readonly ArrayBufferWriter<byte> _writer = new(256);
    private readonly AnalogLap _lap = new(1_722_773_108_123, 3);
    private readonly byte[] _lapFrame = Encoding.UTF8.GetBytes("""{"type":"analog_lap","data":{"timestamp":1722773108123,"controller_id":3}}""");
    private readonly byte[] _driversFrame = Encoding.UTF8.GetBytes("""
        {"type":"update_controller_data","data":
        {"1":{"color":"rgb(0, 0, 0)","backgroundColor":"rgb(28, 237, 175)","driver":"Nic","car":"BMW M4"},
        "2":{"color":"black","backgroundColor":"rgb(254, 249, 17)","driver":"Alex","car":"Ferrari 488"},
        "3":{"color":"rgb(0, 0, 0)","backgroundColor":"rgb(188, 195, 188)","driver":"Non assegnato","car":"Non assegnato"}}}
        """);

    [Benchmark(Baseline = true)]
    public int TryFormatAnalogLap()
    {
        MessageCodec.TryFormatAnalogLap(_buffer, 1_722_773_108_123, 3, out var written);
        return written;
    }

    [Benchmark]
    public int WriteAnalogLap()
    {
        _writer.ResetWrittenCount();
        MessageCodec.Write(_writer, _lap);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public string SerializeAnalogLap() => MessageCodec.Serialize(_lap);

    [Benchmark]
    public Message ParseAnalogLap() => MessageCodec.Parse(_lapFrame);

    [Benchmark]
    public Message ParseUpdateControllerData() => MessageCodec.Parse(_driversFrame);
}
