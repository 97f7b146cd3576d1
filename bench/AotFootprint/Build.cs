namespace AotFootprint;

/// <summary>One published build of lapgate: a name, its folder, and the command that starts it.</summary>
internal sealed record Build(string Name, string Folder, string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Parses <c>NAME|FOLDER|COMMAND [ARGS]</c> (arguments separated by spaces).</summary>
    public static Build Parse(string spec)
    {
        var parts = spec.Split('|');
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{spec}' is not NAME|FOLDER|COMMAND [ARGS]");
        }
        if (!Directory.Exists(parts[1]))
        {
            throw new ArgumentException($"'{spec}': folder {parts[1]} does not exist (publish first)");
        }
        var command = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Build(parts[0], parts[1], command[0], command[1..]);
    }

    /// <summary>The file that is the program: the native binary, or lapgate.dll for the framework-dependent build.</summary>
    public long BinaryBytes()
    {
        var program = Arguments.FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal)) ?? FileName;
        return new FileInfo(program).Length;
    }

    /// <summary>Every file of the published folder (for the framework-dependent build, without the shared runtime).</summary>
    public long FolderBytes() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
