namespace LapGate.Emulator.Tests.Dashboard;

/// <summary>Reads Server-Sent Events: each call returns one event's <c>data</c> ("" for an event without data), or null at the end.</summary>
internal sealed class SseReader(HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    public async Task<string?> ReadToEndOfEventAsync()
    {
        var data = new List<string>();
        using var timeout = Wait.LimitToken();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                return string.Join('\n', data);
            }
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        response.Dispose();
    }
}
