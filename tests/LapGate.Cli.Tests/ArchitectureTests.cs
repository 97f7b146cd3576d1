using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LapGate.Cli.Tests;

/// <summary>The directions docs/architecture.md promises, read from the source: projects and the folders inside them.</summary>
public sealed class ArchitectureTests
{
    private static string Src => Path.Combine(RepoPaths.RepoRoot, "src");

    [Fact]
    public void SourceFolders_EveryProject_NoFolderUsesOneThatUsesItBack()
    {
        var projects = Directory.GetDirectories(Src, "LapGate.*").Select(d => Path.GetFileName(d)!).ToList();
        var twoWay = projects.SelectMany(TwoWayPairs).ToList();

        Assert.Contains("LapGate.Bridge", projects);
        Assert.True(twoWay.Count == 0,
            "two-way folder pairs (move what both use into a folder of its own): " + string.Join("; ", twoWay));
    }

    [Fact]
    public void ProjectReferences_Src_CommandLibrariesUseOnlyTheSharedOnesAndOnlyTheCliUsesThem()
    {
        string[] commands = ["LapGate.Sensor", "LapGate.Emulator", "LapGate.Bridge"];
        var references = Directory.GetDirectories(Src, "LapGate.*").ToDictionary(
            d => Path.GetFileName(d)!,
            d => ProjectReferences(Path.Combine(d, Path.GetFileName(d) + ".csproj")));

        Assert.Empty(references["LapGate.Protocol"]);
        Assert.Superset(commands.ToHashSet(), references["LapGate.Cli"].ToHashSet());
        foreach (var (project, uses) in references.Where(r => r.Key != "LapGate.Cli"))
        {
            var wrong = uses.Where(u => u == "LapGate.Cli" || commands.Contains(u)).ToList();
            Assert.True(wrong.Count == 0, $"{project} references {string.Join(", ", wrong)}; only the Cli may use the Cli, Sensor, Emulator and Bridge");
        }
    }

    private static IEnumerable<string> TwoWayPairs(string project)
    {
        var edges = FolderEdges(project);
        foreach (var (from, to) in edges)
        {
            foreach (var target in to.Where(t => string.CompareOrdinal(from, t) < 0))
            {
                if (edges.TryGetValue(target, out var back) && back.Contains(from))
                {
                    yield return $"{project}: {from} <-> {target}";
                }
            }
        }
    }

    /// <summary>For each top folder of a project, the other top folders its code names as <c>Project.Folder</c>.</summary>
    private static Dictionary<string, HashSet<string>> FolderEdges(string project)
    {
        var root = Path.Combine(Src, project);
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToHashSet();
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var name = new Regex(@"\b" + Regex.Escape(project) + @"\.([A-Z][A-Za-z0-9]*)\b", RegexOptions.CultureInvariant);
        foreach (var folder in folders)
        {
            var uses = edges[folder!] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder!), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in name.Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        uses.Add(target);
                    }
                }
            }
        }
        return edges;
    }

    private static List<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();
}
