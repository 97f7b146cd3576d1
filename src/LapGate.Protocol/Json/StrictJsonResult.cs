namespace LapGate.Protocol.Json;

/// <summary>What <see cref="StrictJson.Read{T}(string, System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}, string, string?)"/> found.</summary>
/// <typeparam name="T">The target type.</typeparam>
public sealed class StrictJsonResult<T>
    where T : class
{
    internal StrictJsonResult(T? value, IReadOnlyList<JsonProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>
    /// The value read from every part that was right (a wrong field is left out, as if it were not written), or null
    /// when the text as a whole is unusable (not JSON, empty, or not the expected kind of value).
    /// </summary>
    public T? Value { get; }

    /// <summary>Every mistake found, in the order of the text.</summary>
    public IReadOnlyList<JsonProblem> Problems { get; }

    /// <summary>True when there is a value and no mistake.</summary>
    public bool IsValid => Value is not null && Problems.Count == 0;

    /// <summary>True when a mistake was reported at <paramref name="path"/> or inside it (so a check of that field can stay quiet).</summary>
    public bool HasProblemAt(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var problem in Problems)
        {
            var where = problem.Where;
            if (where == path
                || (where.Length > path.Length && where.StartsWith(path, StringComparison.Ordinal) && where[path.Length] is '.' or '['))
            {
                return true;
            }
        }
        return false;
    }
}
