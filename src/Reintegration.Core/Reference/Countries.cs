using System.Text.Json.Serialization;

namespace Reintegration.Reference;

/// <summary>A capital or other point with its names in both languages.</summary>
public sealed record NamedPoint(string NameEn, string NameRu, double Lat, double Lon);

/// <summary>A state where openings are matched: names, currency, languages, capital.</summary>
public sealed record Country(
    string Code,
    string NameEn,
    string NameRu,
    string Currency,
    IReadOnlyList<string> Languages,
    [property: JsonPropertyName("almatyProcess")] string? AlmatyProcessRole,
    NamedPoint Capital);

/// <summary>
/// Countries: every ISO 3166-1 code (for citizenship, bans, fled countries) and, among them, the states
/// of the region where openings are matched, with their details.
/// </summary>
public sealed class Countries
{
    private readonly Dictionary<string, (string NameEn, string NameRu)> _iso;
    private readonly Dictionary<string, Country> _regional;

    internal Countries(IEnumerable<(string Code, string NameEn, string NameRu)> iso, IEnumerable<Country> regional)
    {
        _iso = iso.ToDictionary(c => c.Code, c => (c.NameEn, c.NameRu), StringComparer.Ordinal);
        Regional = regional.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        _regional = Regional.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    /// <summary>The states of the region, where openings and homes may be.</summary>
    public IReadOnlyList<Country> Regional { get; }

    public int IsoCount => _iso.Count;

    /// <summary>Whether <paramref name="code"/> is an assigned ISO 3166-1 alpha-2 code.</summary>
    public bool IsIsoCode(string code) => _iso.ContainsKey(code);

    public Country? FindRegional(string code) => _regional.GetValueOrDefault(code);

    /// <summary>The country's name in "en" or "ru"; the code itself when unknown.</summary>
    public string NameOf(string code, string language) =>
        _regional.TryGetValue(code, out var country) ? (language == "ru" ? country.NameRu : country.NameEn)
        : _iso.TryGetValue(code, out var iso) ? (language == "ru" ? iso.NameRu : iso.NameEn)
        : code;

    internal static Countries Load()
    {
        var iso = SeedFiles.ReadCsv("iso-countries.csv").Select(row => (row["code"], row["name_en"], row["name_ru"]));
        var regional = SeedJson.Read("countries.json", SeedJsonContext.Default.CountriesSeed).Countries;
        var countries = new Countries(iso, regional);
        var unknown = regional.Where(c => !countries.IsIsoCode(c.Code)).Select(c => c.Code).ToList();
        return unknown.Count == 0 ? countries : throw new InvalidDataException($"countries.json has codes that are not ISO 3166-1: {string.Join(", ", unknown)}.");
    }
}
