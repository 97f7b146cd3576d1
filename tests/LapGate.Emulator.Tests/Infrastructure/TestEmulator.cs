using Microsoft.Extensions.Logging;

namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>
/// A real emulator on 127.0.0.1, port 0, with logs in the test output. Disposing it fails the test
/// when the server logged an error.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private bool _disposed;

    private TestEmulator(EmulatorServer server, TestLoggerProvider logs, ILoggerFactory loggerFactory)
    {
        Server = server;
        Logs = logs;
        _loggerFactory = loggerFactory;
        Http = new HttpClient { BaseAddress = server.HttpUri, Timeout = Wait.Limit };
    }

    public EmulatorServer Server { get; }

    public TestLoggerProvider Logs { get; }

    public HttpClient Http { get; }

    public RaceEngine Race => Server.Race;

    /// <summary>Errors the test provoked on purpose (and asserted); any other logged error fails it on dispose.</summary>
    public int ExpectedErrors { get; set; }

    public static async Task<TestEmulator> StartAsync(ITestOutputHelper output, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Port = 0, DatabasePath = null };
        configure?.Invoke(options);
        var logs = new TestLoggerProvider(output);
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        try
        {
            var server = await EmulatorServer.StartAsync(options, factory).Within();
            return new TestEmulator(server, logs, factory);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>Starting with <paramref name="configure"/>'s options must fail with a configuration error; returns its message.</summary>
    public static async Task<string> StartRefusedAsync(ITestOutputHelper output, Action<EmulatorOptions> configure) =>
        (await Assert.ThrowsAsync<EmulatorConfigurationException>(() => StartAsync(output, configure))).Message;

    /// <summary>A JSON body, as every state-changing request must carry (<c>Content-Type: application/json</c>).</summary>
    public static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>An empty body that still says <c>Content-Type: application/json</c> (for start, stop, reset…).</summary>
    public static StringContent NoBody() => JsonBody("");

    /// <summary><c>POST</c> <paramref name="path"/> with a JSON body (empty by default, as start, stop and reset take).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string json = "") => Http.PostAsync(path, JsonBody(json));

    /// <summary><c>POST</c> with one extra request header (<c>Origin</c>, <c>Authorization</c>…), as a browser page or a script would send it.</summary>
    public async Task<HttpResponseMessage> PostWithHeaderAsync(string path, string header, string value, string json = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonBody(json) };
        request.Headers.Add(header, value);
        return await Http.SendAsync(request);
    }

    /// <summary><c>POST</c> that must succeed (2xx); returns the answer for a test that reads it.</summary>
    public async Task<HttpResponseMessage> PostOkAsync(string path, string json = "")
    {
        var response = await PostAsync(path, json);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary><c>POST /api/race/{command}</c> (start, stop, setup…) that must succeed; returns the race as it answers.</summary>
    public async Task<RaceSnapshot> PostRaceAsync(string command, string json = "")
    {
        using var response = await PostOkAsync($"api/race/{command}", json);
        return (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.RaceSnapshot))!;
    }

    /// <summary>The <c>{"error": …}</c> body of a refused request, parsed with the server's own JSON contract.</summary>
    public static async Task<ApiError> ReadErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.ApiError))!;

    public Task<TestClient> ConnectAsync() => TestClient.ConnectAsync(Server.WebSocketUri);

    /// <summary>A connected client that did the handshake and <c>controller_set "Z"</c>.</summary>
    public Task<TestClient> ConnectSensorAsync() => TestClient.ConnectSensorAsync(Server.WebSocketUri);

    /// <summary>
    /// Sets up an open race (no finish) so that start and stop apply: the emulator begins in free practice,
    /// which counts laps but cannot be started or ended.
    /// </summary>
    public void SetUpOpenRace() => Assert.True(Race.Setup(RaceSetup.Open).Accepted);

    /// <summary><c>GET /api/race</c>, parsed with the server's own JSON contract.</summary>
    public async Task<RaceSnapshot> GetRaceAsync() =>
        (await Http.GetFromJsonAsync("api/race", EmulatorJsonContext.Default.RaceSnapshot))!;

    /// <summary>Completes when the engine's snapshot satisfies <paramref name="condition"/> (checked now and on every change).</summary>
    public async Task<RaceSnapshot> WaitForRaceAsync(Func<RaceSnapshot, bool> condition)
    {
        var done = new TaskCompletionSource<RaceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            var snapshot = Race.Snapshot();
            if (condition(snapshot))
            {
                done.TrySetResult(snapshot);
            }
        }
        Race.Changed += Check;
        try
        {
            Check(null, EventArgs.Empty);
            return await done.Task.Within();
        }
        finally
        {
            Race.Changed -= Check;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Http.Dispose();
        await Server.DisposeAsync().AsTask().Within();
        _loggerFactory.Dispose();
        Assert.True(Logs.Errors.Count == ExpectedErrors, "the emulator logged errors:\n" + string.Join('\n', Logs.Errors));
    }
}
