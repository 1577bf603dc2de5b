using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Matching;

namespace Reintegration.Digests;

/// <summary>A recommendation as the object of its languages, <c>{"en": match, "ru": match}</c>, as stored digests have it.</summary>
internal sealed class DigestRecommendationJson : JsonConverter<DigestRecommendation>
{
    public override DigestRecommendation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var byLanguage = (JsonTypeInfo<Dictionary<string, Match>>)options.GetTypeInfo(typeof(Dictionary<string, Match>));
        var matches = JsonSerializer.Deserialize(ref reader, byLanguage);
        return matches is { Count: > 0 } ? new DigestRecommendation([.. matches]) : throw new JsonException("A recommendation needs a language.");
    }

    public override void Write(Utf8JsonWriter writer, DigestRecommendation value, JsonSerializerOptions options)
    {
        var match = (JsonTypeInfo<Match>)options.GetTypeInfo(typeof(Match));
        writer.WriteStartObject();
        foreach (var (language, explained) in value.ByLanguage)
        {
            writer.WritePropertyName(language);
            JsonSerializer.Serialize(writer, explained, match);
        }

        writer.WriteEndObject();
    }
}
