namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>
/// An emulator database file in a fresh temp folder (deleted on dispose), for the tests that stop and start
/// an emulator or an engine on the same file, or write into it with plain SQL as an older LapGate or a
/// broken disk would.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDatabase(string name = "emulator.db")
    {
        Path = _folder.File(name);
    }

    public string Path { get; }

    /// <summary>A real emulator on this file (and <paramref name="configure"/>'s other options).</summary>
    public Task<TestEmulator> StartEmulatorAsync(ITestOutputHelper output, Action<EmulatorOptions>? configure = null) =>
        TestEmulator.StartAsync(output, o =>
        {
            o.DatabasePath = Path;
            configure?.Invoke(o);
        });

    /// <summary>Starting an emulator on this file must fail with a configuration error; returns its message.</summary>
    public Task<string> StartRefusedAsync(ITestOutputHelper output) => TestEmulator.StartRefusedAsync(output, o => o.DatabasePath = Path);

    /// <summary>A second connection of its own (no pool), as another program would open the file.</summary>
    public SqliteConnection Connect(bool readOnly = false) => Open(Path, readOnly);

    /// <summary>An open connection of its own (no pool) to <paramref name="dataSource"/>: a file, or <c>:memory:</c>.</summary>
    public static SqliteConnection Open(string dataSource, bool readOnly = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own, closed again before it returns.</summary>
    public void Execute(string sql)
    {
        using var connection = Connect();
        Execute(connection, sql);
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _folder.Dispose();
}
