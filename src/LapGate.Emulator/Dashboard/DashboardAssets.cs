using LapGate.Web;

namespace LapGate.Emulator.Dashboard;

/// <summary>The dashboard's files: every file of <c>Dashboard/wwwroot</c>, served by <see cref="EmbeddedPageFiles"/>.</summary>
internal static class DashboardAssets
{
    /// <summary>Where the files sit in the project (and so in the embedded manifest).</summary>
    public const string Root = "Dashboard/wwwroot";

    /// <summary>What a start-up error calls these files.</summary>
    public const string Page = "dashboard";

    /// <summary>Reads every embedded dashboard file.</summary>
    public static EmbeddedPageFiles Load() => EmbeddedPageFiles.Load(typeof(DashboardAssets).Assembly, Root, Page);
}
