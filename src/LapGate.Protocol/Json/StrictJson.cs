using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace LapGate.Protocol.Json;

/// <summary>
/// The one strict reader for JSON that people write: the sensor config, the emulator's drivers file and every body of
/// the HTTP API. The text is parsed (comments and trailing commas allowed), then walked against the source-generated
/// metadata of the target type, and every mistake is collected with its path, the value and what was expected:
/// <c>sensors[0]: unknown field "activehigh" (did you mean "activeHigh"?)</c>,
/// <c>sensors[0].pin: expected a whole number, got the string "26"</c>. Field names are case-sensitive.
/// The value is then read from the parts that were right. No reflection: Native AOT and trimming safe.
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions DocumentOptions = JsonText.Options(maxDepth: 64);

    /// <summary>Reads <paramref name="text"/> as a <typeparamref name="T"/>.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="typeInfo">Source-generated metadata of the target type.</param>
    /// <param name="subject">What the text is, for mistakes about it as a whole: <c>the file</c>, <c>the request body</c>.</param>
    /// <param name="expected">
    /// What the whole text should be, shown when it is wrong as a whole, e.g. <c>an object like {"name":"Home ring"}</c>;
    /// null for the kind of value alone (<c>an object {...}</c>).
    /// </param>
    public static StrictJsonResult<T> Read<T>(string text, JsonTypeInfo<T> typeInfo, string subject, string? expected = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), typeInfo, subject, expected);
    }

    /// <summary>Reads UTF-8 <paramref name="utf8"/> as a <typeparamref name="T"/> (a leading byte order mark is skipped).</summary>
    /// <inheritdoc cref="Read{T}(string, JsonTypeInfo{T}, string, string?)"/>
    public static StrictJsonResult<T> Read<T>(ReadOnlyMemory<byte> utf8, JsonTypeInfo<T> typeInfo, string subject, string? expected = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(subject);
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        var whole = expected ?? Expected(typeInfo);
        if (IsEmpty(utf8.Span))
        {
            return Fail<T>(new JsonProblem("", $"{subject} is empty: expected {whole}"));
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Fail<T>(new JsonProblem(Position(ex), "invalid JSON: " + PlainSyntaxMessage(ex.Message)));
        }
        using (document)
        {
            var root = document.RootElement;
            if (Kind(root) != Kind(typeInfo) && Kind(typeInfo) is not ValueShape.Any)
            {
                return Fail<T>(new JsonProblem("", $"{subject}: expected {whole}, got {Got(root)}"));
            }
            var walker = new Walker();
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                walker.Walk(root, typeInfo, "", null, writer, nullAllowed: false);
            }
            T? value = null;
            try
            {
                value = JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
            {
                // A shape the walker does not know in detail (e.g. an enum or a URI field): say where, in plain words.
                var where = ex is JsonException { Path: { } path } ? FromSerializerPath(path) : "";
                walker.Problems.Add(new JsonProblem(where, "this value is not valid here"));
            }
            return new StrictJsonResult<T>(value, walker.Problems);
        }
    }

    private static StrictJsonResult<T> Fail<T>(JsonProblem problem)
        where T : class => new(null, [problem]);

    private static bool IsEmpty(ReadOnlySpan<byte> utf8)
    {
        // Not the final block: with no token at all the reader says "no more" instead of throwing.
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, state);
        try
        {
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Position(JsonException ex) =>
        ex.LineNumber is { } line
            ? $"line {(line + 1).ToString(CultureInfo.InvariantCulture)}, column {((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}"
            : "";

    /// <summary>The reader's own words without its position suffix; its one technical phrase replaced.</summary>
    private static string PlainSyntaxMessage(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        message = message.Trim();
        if (message.Contains("isFinalBlock", StringComparison.Ordinal) || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the text ends before the JSON is complete (a '}' or ']' is missing)";
        }
        return message;
    }

    private static string FromSerializerPath(string path)
    {
        var text = path.StartsWith('$') ? path[1..] : path;
        return text.StartsWith('.') ? text[1..] : text;
    }

    internal enum ValueShape
    {
        Any,
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    private static ValueShape Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ValueShape.Object,
        JsonValueKind.Array => ValueShape.Array,
        JsonValueKind.String => ValueShape.String,
        JsonValueKind.Number => ValueShape.Number,
        JsonValueKind.True or JsonValueKind.False => ValueShape.Boolean,
        _ => ValueShape.Null,
    };

    private static ValueShape Kind(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (IsFreeForm(type))
        {
            return ValueShape.Any;
        }
        return info.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => ValueShape.Object,
            JsonTypeInfoKind.Enumerable => ValueShape.Array,
            _ => type == typeof(string) ? ValueShape.String
                : type == typeof(bool) ? ValueShape.Boolean
                : NumberRange.For(type) is not null || IsFloating(type) ? ValueShape.Number
                : ValueShape.Any,
        };
    }

    private static bool IsFreeForm(Type type) =>
        type == typeof(JsonElement) || type == typeof(JsonDocument) || type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type);

    private static bool IsFloating(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half);

    /// <summary>What a type accepts, in plain words.</summary>
    private static string Expected(JsonTypeInfo info) => Kind(info) switch
    {
        ValueShape.Object => "an object {...}",
        ValueShape.Array => "a list [...]",
        ValueShape.String => "a string in quotes",
        ValueShape.Boolean => "true or false",
        ValueShape.Number => NumberRange.For(Nullable.GetUnderlyingType(info.Type) ?? info.Type) is not null ? "a whole number" : "a number",
        _ => "a value",
    };

    /// <summary>A value as the user wrote it: <c>the string "26"</c>, <c>27.5</c>, <c>a list</c>.</summary>
    internal static string Got(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "the string " + Quote(element.GetString() ?? ""),
        JsonValueKind.Number => Shorten(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object {...}",
        JsonValueKind.Array => "a list [...]",
        _ => "nothing",
    };

    internal static string Quote(string text) => "\"" + Shorten(text) + "\"";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>One walk over a document: checks each value against its metadata and writes the right parts out.</summary>
    private sealed class Walker
    {
        public List<JsonProblem> Problems { get; } = [];

        /// <summary>Writes <paramref name="value"/> (after <paramref name="name"/>, when in an object) when it fits; else reports it and writes nothing.</summary>
        /// <param name="value">The value as written.</param>
        /// <param name="info">What it should be.</param>
        /// <param name="path">Its path, for messages.</param>
        /// <param name="name">Its field name when it is in an object, else null.</param>
        /// <param name="writer">Where the right parts go.</param>
        /// <param name="nullAllowed">
        /// Whether null fits here: for a nullable field (<c>int?</c>, <c>string?</c>), not for a list item or a dictionary
        /// value of a reference type (the code reading the list does not expect holes).
        /// </param>
        /// <returns>True when something was written.</returns>
        public bool Walk(JsonElement value, JsonTypeInfo info, string path, string? name, Utf8JsonWriter writer, bool nullAllowed)
        {
            var underlying = Nullable.GetUnderlyingType(info.Type);
            var shape = Kind(info);
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (nullAllowed || underlying is not null || shape == ValueShape.Any)
                {
                    WriteName(writer, name);
                    writer.WriteNullValue();
                    return true;
                }
                return Report(path, $"expected {Expected(info)}, got null");
            }
            if (shape != ValueShape.Any && shape != Kind(value))
            {
                return Report(path, $"expected {Expected(info)}, got {Got(value)}");
            }
            switch (shape)
            {
                case ValueShape.Object when info.Kind == JsonTypeInfoKind.Dictionary:
                    return WalkDictionary(value, info, path, name, writer);
                case ValueShape.Object:
                    return WalkObject(value, info, path, name, writer);
                case ValueShape.Array:
                    return WalkArray(value, info, path, name, writer);
                case ValueShape.Number when NumberProblem(value, underlying ?? info.Type) is { } problem:
                    return Report(path, problem);
                default:
                    WriteName(writer, name);
                    value.WriteTo(writer);
                    return true;
            }
        }

        private bool WalkObject(JsonElement value, JsonTypeInfo info, string path, string? name, Utf8JsonWriter writer)
        {
            var properties = new Dictionary<string, JsonPropertyInfo>(StringComparer.Ordinal);
            foreach (var property in info.Properties)
            {
                properties.TryAdd(property.Name, property);
            }
            WriteName(writer, name);
            writer.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in value.EnumerateObject())
            {
                if (!properties.TryGetValue(field.Name, out var property))
                {
                    var suggestion = Suggest(field.Name, properties.Keys);
                    Report(path, $"unknown field {Quote(field.Name)}" + (suggestion is null ? "" : $" (did you mean {Quote(suggestion)}?)"));
                    continue;
                }
                var fieldPath = Join(path, field.Name);
                if (!seen.Add(field.Name))
                {
                    Report(fieldPath, "given twice: keep one");
                    continue;
                }
                var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && property.IsSetNullable);
                Walk(field.Value, info.Options.GetTypeInfo(property.PropertyType), fieldPath, field.Name, writer, nullable);
            }
            foreach (var property in info.Properties)
            {
                if (property.IsRequired && !seen.Contains(property.Name))
                {
                    Report(path, $"missing field {Quote(property.Name)}");
                }
            }
            writer.WriteEndObject();
            return true;
        }

        private bool WalkArray(JsonElement value, JsonTypeInfo info, string path, string? name, Utf8JsonWriter writer)
        {
            if (info.ElementType is not { } elementType)
            {
                WriteName(writer, name);
                value.WriteTo(writer);
                return true;
            }
            var element = info.Options.GetTypeInfo(elementType);
            // A wrong item is written as null where the serializer takes one, so the items after it keep their numbers.
            var nullable = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
            WriteName(writer, name);
            writer.WriteStartArray();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (!Walk(item, element, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", null, writer, nullAllowed: false) && nullable)
                {
                    writer.WriteNullValue();
                }
                index++;
            }
            writer.WriteEndArray();
            return true;
        }

        private bool WalkDictionary(JsonElement value, JsonTypeInfo info, string path, string? name, Utf8JsonWriter writer)
        {
            if (info.ElementType is not { } elementType || info.KeyType != typeof(string))
            {
                WriteName(writer, name);
                value.WriteTo(writer);
                return true;
            }
            var element = info.Options.GetTypeInfo(elementType);
            WriteName(writer, name);
            writer.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in value.EnumerateObject())
            {
                var fieldPath = Join(path, Quote(field.Name));
                if (!seen.Add(field.Name))
                {
                    Report(fieldPath, "given twice: keep one");
                    continue;
                }
                Walk(field.Value, element, fieldPath, field.Name, writer, nullAllowed: false);
            }
            writer.WriteEndObject();
            return true;
        }

        private bool Report(string path, string message)
        {
            Problems.Add(new JsonProblem(path, message));
            return false;
        }

        private static void WriteName(Utf8JsonWriter writer, string? name)
        {
            if (name is not null)
            {
                writer.WritePropertyName(name);
            }
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
    }

    /// <summary>Null when the number fits the type as the serializer reads it, else what is wrong.</summary>
    private static string? NumberProblem(JsonElement value, Type type)
    {
        var raw = value.GetRawText();
        var finite = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
        if (NumberRange.For(type) is not { } range)
        {
            return !finite || (type == typeof(float) && Math.Abs(number) > float.MaxValue) || (type == typeof(decimal) && !value.TryGetDecimal(out _))
                ? $"expected a number of sensible size, got {Shorten(raw)}"
                : null;
        }
        if (finite && Math.Floor(number) != number)
        {
            return $"expected a whole number, got {Shorten(raw)}";
        }
        if (value.TryGetInt64(out var whole))
        {
            return whole < range.Min ? $"expected a whole number from {range.Min.ToString(CultureInfo.InvariantCulture)}, got {Shorten(raw)}"
                : whole > 0 && (ulong)whole > range.Max ? $"expected a whole number up to {range.Max.ToString(CultureInfo.InvariantCulture)}, got {Shorten(raw)}"
                : null;
        }
        if (value.TryGetUInt64(out var big))
        {
            return big > range.Max ? $"expected a whole number up to {range.Max.ToString(CultureInfo.InvariantCulture)}, got {Shorten(raw)}" : null;
        }
        if (!finite || number > range.Max || number < range.Min)
        {
            return number < 0
                ? $"expected a whole number from {range.Min.ToString(CultureInfo.InvariantCulture)}, got {Shorten(raw)}"
                : $"expected a whole number up to {range.Max.ToString(CultureInfo.InvariantCulture)}, got {Shorten(raw)}";
        }
        // 1e2 or 5.0: a whole number, but written in a way the reader does not take for one.
        return $"expected a whole number written plainly (like {number.ToString("0", CultureInfo.InvariantCulture)}), got {Shorten(raw)}";
    }

    /// <summary>The range of an integer type.</summary>
    private sealed record NumberRange(long Min, ulong Max)
    {
        public static NumberRange? For(Type type) =>
            type == typeof(int) ? new(int.MinValue, int.MaxValue)
            : type == typeof(long) ? new(long.MinValue, long.MaxValue)
            : type == typeof(short) ? new(short.MinValue, (ulong)short.MaxValue)
            : type == typeof(byte) ? new(0, byte.MaxValue)
            : type == typeof(sbyte) ? new(sbyte.MinValue, (ulong)sbyte.MaxValue)
            : type == typeof(ushort) ? new(0, ushort.MaxValue)
            : type == typeof(uint) ? new(0, uint.MaxValue)
            : type == typeof(ulong) ? new(0, ulong.MaxValue)
            : null;
    }

    /// <summary>The known name meant by a wrong one: same letters in another case, or one or two typing slips away.</summary>
    private static string? Suggest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.Max(1, Math.Min(2, name.Length / 3)) ? best : null;
    }

    /// <summary>Edit distance: insert, delete or replace one character, or swap two neighbours ("lable" is one from "label").</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(d[i - 1, j - 1] + cost, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
