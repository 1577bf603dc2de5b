using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reintegration;

/// <summary>Enums as camelCase strings, as the API contract has them; read as exactly one defined name (see <see cref="EnumNames{TEnum}"/>).</summary>
public sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && EnumNames<TEnum>.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Expected one of: {string.Join(", ", EnumNames<TEnum>.All)}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumNames<TEnum>.Name(value));
}
