using LapGate.Web;

namespace LapGate.Sensor.StatusPage;

/// <summary>The status page's files: every file of <c>StatusPage/wwwroot</c>, served by <see cref="EmbeddedPageFiles"/>.</summary>
internal static class StatusAssets
{
    /// <summary>Where the files sit in the project (and so in the embedded manifest).</summary>
    public const string Root = "StatusPage/wwwroot";

    /// <summary>Reads every embedded status page file (fails at start-up on a file it cannot serve).</summary>
    public static EmbeddedPageFiles Load() => EmbeddedPageFiles.Load(typeof(StatusAssets).Assembly, Root, "status page");
}
