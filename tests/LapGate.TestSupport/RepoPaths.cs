namespace LapGate.TestSupport;

/// <summary>Paths inside the repository. Tests read nothing outside the clone.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding LapGate.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>tests/data/</c>: test data kept as files (the public SmartRace transcripts under <c>captures/</c>).</summary>
    public static string TestData => Path.Combine(RepoRoot, "tests", "data");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LapGate.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException(
            $"LapGate.slnx not found above {AppContext.BaseDirectory}");
    }
}
