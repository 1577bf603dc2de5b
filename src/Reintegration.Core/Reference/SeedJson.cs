using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Domain;

namespace Reintegration.Reference;

internal static class SeedJson
{
    public static T Read<T>(string fileName, JsonTypeInfo<T> type) => Parse(fileName, SeedFiles.ReadText(fileName), type);

    public static T Parse<T>(string fileName, string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"{fileName} is empty.");
}

internal sealed record CountriesSeed(IReadOnlyList<Country> Countries);

internal sealed record CurrenciesSeed(IReadOnlyDictionary<string, string>? Sources, IReadOnlyList<Currency> Currencies);

internal sealed record BanAreasSeed(IReadOnlyDictionary<string, string>? Sources, IReadOnlyList<BanArea> Areas);

internal sealed record MobilitySeed(IReadOnlyDictionary<string, string>? Sources, IReadOnlyList<MobilityRegime> Regimes);

/// <summary>
/// The shapes of the JSON seed files. A file's "note" (and countries.json's "sources" and "asOf") are for
/// readers; the "sources" table of currencies, ban areas and mobility is what their entries cite.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(CamelCaseEnumConverter<Pathway>)])]
[JsonSerializable(typeof(CountriesSeed))]
[JsonSerializable(typeof(CurrenciesSeed))]
[JsonSerializable(typeof(BanAreasSeed))]
[JsonSerializable(typeof(MobilitySeed))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
