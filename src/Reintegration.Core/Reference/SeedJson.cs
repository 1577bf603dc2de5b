using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Reintegration.Domain;

namespace Reintegration.Reference;

internal static class SeedJson
{
    public static T Read<T>(string fileName, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(SeedFiles.ReadText(fileName), type) ?? throw new InvalidDataException($"{fileName} is empty.");
}

internal sealed record CountriesSeed(IReadOnlyList<Country> Countries);

internal sealed record CurrenciesSeed(IReadOnlyList<Currency> Currencies);

internal sealed record BanAreasSeed(IReadOnlyList<BanArea> Areas);

internal sealed record MobilitySeed(IReadOnlyList<MobilityRegime> Regimes);

/// <summary>The shapes of the JSON seed files; their "sources", "asOf" and "note" are for readers, not the engine.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(CamelCaseEnumConverter<Pathway>)])]
[JsonSerializable(typeof(CountriesSeed))]
[JsonSerializable(typeof(CurrenciesSeed))]
[JsonSerializable(typeof(BanAreasSeed))]
[JsonSerializable(typeof(MobilitySeed))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
