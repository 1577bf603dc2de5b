using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Matching;

namespace Reintegration.Digests;

/// <summary>A recommendation as the object of its languages, <c>{"en": match, "ru": match}</c>, as stored digests have it.</summary>
internal sealed class DigestRecommendationJson : JsonConverter<DigestRecommendation>
{
    public override DigestRecommendation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, ByLanguage(options)) ?? throw new JsonException("A recommendation cannot be null."));

    public override void Write(Utf8JsonWriter writer, DigestRecommendation value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ByLanguage.ToDictionary(StringComparer.Ordinal), ByLanguage(options));

    private static JsonTypeInfo<Dictionary<string, Match>> ByLanguage(JsonSerializerOptions options) =>
        (JsonTypeInfo<Dictionary<string, Match>>)options.GetTypeInfo(typeof(Dictionary<string, Match>));
}
