using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration.Demo.Settings;

/// <summary>Reads and writes an <see cref="IntRange"/> as a two-number array, [min, max].</summary>
internal sealed class IntRangeConverter : JsonConverter<IntRange>
{
    public override IntRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A range is an array of two whole numbers, [min, max].");
        }

        var bounds = new List<int>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            bounds.Add(reader.GetInt32());
        }

        return bounds is [var min, var max] && min <= max
            ? new IntRange(min, max)
            : throw new JsonException("A range is an array of two whole numbers, [min, max], with min <= max.");
    }

    public override void Write(Utf8JsonWriter writer, IntRange value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Min);
        writer.WriteNumberValue(value.Max);
        writer.WriteEndArray();
    }
}
