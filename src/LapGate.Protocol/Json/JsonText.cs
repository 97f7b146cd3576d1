namespace LapGate.Protocol.Json;

/// <summary>How LapGate parses JSON text, wherever it comes from: comments and trailing commas are allowed.</summary>
internal static class JsonText
{
    /// <summary>The parse options, nested at most <paramref name="maxDepth"/> deep.</summary>
    public static JsonDocumentOptions Options(int maxDepth) => new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = maxDepth,
    };
}
