using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Validation;

namespace Reintegration;

/// <summary>What could be read of a JSON body, and every field that could not.</summary>
public sealed record JsonRead<T>(T? Value, ValidationErrors Errors);

/// <summary>
/// Reads JSON against a model's source-generated contract and reports every value of the wrong type
/// or format, every unknown property and every forbidden null at its path — not only the first, as
/// the serializer does. What could not be read is left out (a property takes its default; an array
/// item becomes null), so the rest can still be read and validated: a caller sees all its mistakes
/// at once. Only JSON that is not JSON at all stops the reading where it breaks.
/// </summary>
public static class TolerantJson
{
    private static readonly ConcurrentDictionary<JsonTypeInfo, Dictionary<string, JsonPropertyInfo>> PropertiesByName = new();

    /// <param name="utf8">The body.</param>
    /// <param name="type">The model's contract.</param>
    /// <param name="prefix">Prepended to every path: "[3]." when the body is the fourth item of an array.</param>
    public static JsonRead<T> Read<T>(ReadOnlyMemory<byte> utf8, JsonTypeInfo<T> type, string prefix = "")
    {
        var errors = new ValidationErrors();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            errors.Add("$", Malformed(e));
            return new(default, errors);
        }

        using (document)
        {
            return Read(document.RootElement, type, errors, prefix);
        }
    }

    /// <summary>Reads one element (an item of an array already parsed, say).</summary>
    public static JsonRead<T> Read<T>(JsonElement element, JsonTypeInfo<T> type, ValidationErrors errors, string prefix = "")
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return new(default, errors);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!Copy(writer, element, type, prefix.TrimEnd('.'), errors))
            {
                return new(default, errors);
            }
        }

        try
        {
            return new(JsonSerializer.Deserialize(buffer.WrittenSpan, type), errors);
        }
        catch (JsonException e)
        {
            // The copy holds only values that read on their own; a rule between them (none today) would land here.
            errors.Add(Join(prefix.TrimEnd('.'), e.Path), e.Message);
            return new(default, errors);
        }
    }

    /// <summary>"The JSON is malformed", with where: what a client needs to find the broken character.</summary>
    public static string Malformed(JsonException e) => $"Malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";

    /// <summary>Writes what of <paramref name="element"/> fits <paramref name="type"/>; false, with the error, when nothing does.</summary>
    private static bool Copy(Utf8JsonWriter writer, JsonElement element, JsonTypeInfo type, string path, ValidationErrors errors)
    {
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(Shown(path), Expected.Object);
                    return false;
                }

                CopyObject(writer, element, type, path, errors);
                return true;
            case JsonTypeInfoKind.Enumerable:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(Shown(path), Expected.Array);
                    return false;
                }

                var items = type.Options.GetTypeInfo(type.ElementType!);
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    // A null item stays null for the validator to name; a bad one becomes null, reported here.
                    if (item.ValueKind == JsonValueKind.Null || !Copy(writer, item, items, $"{path}[{index}]", errors))
                    {
                        writer.WriteNullValue();
                    }

                    index++;
                }

                writer.WriteEndArray();
                return true;
            default:
                try
                {
                    JsonSerializer.Deserialize(element, type);
                }
                catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidOperationException)
                {
                    errors.Add(Shown(path), Expected.For(type.Type) ?? "Wrong type or value for this field.");
                    return false;
                }

                element.WriteTo(writer);
                return true;
        }
    }

    private static void CopyObject(Utf8JsonWriter writer, JsonElement element, JsonTypeInfo type, string path, ValidationErrors errors)
    {
        var properties = PropertiesByName.GetOrAdd(type, t => t.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = Join(path, property.Name);
            if (!properties.TryGetValue(property.Name, out var info))
            {
                errors.Add(Shown(propertyPath), Expected.UnknownProperty(property.Name));
                continue;
            }

            if (!seen.Add(property.Name))
            {
                errors.Add(Shown(propertyPath), "Given more than once.");
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (info.IsSetNullable)
                {
                    writer.WriteNull(property.Name);
                }
                else
                {
                    errors.Add(Shown(propertyPath), Expected.NotNull);
                }

                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var inner = new Utf8JsonWriter(buffer))
            {
                if (!Copy(inner, property.Value, type.Options.GetTypeInfo(info.PropertyType), propertyPath, errors))
                {
                    continue;
                }
            }

            writer.WritePropertyName(property.Name);
            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    private static string Join(string path, string? name) =>
        name is null or "$" ? path
        : name.StartsWith("$.", StringComparison.Ordinal) ? Join(path, name[2..])
        : name.StartsWith('$') ? path + name[1..]
        : path.Length == 0 ? name : $"{path}.{name}";

    private static string Shown(string path) => path.Length == 0 ? "$" : path;
}
