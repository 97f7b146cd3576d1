namespace LapGate.TestSupport;

/// <summary>Finds the repository root and the <c>shared/</c> folder that CI places beside it.</summary>
public static class SharedFolder
{
    /// <summary>The repository root (the folder holding LapGate.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary><c>../shared/protocol</c> beside the repository.</summary>
    public static string Protocol => Path.Combine(RepoRoot, "..", "shared", "protocol");

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
