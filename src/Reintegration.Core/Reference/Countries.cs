using System.Text.Json.Serialization;

namespace Reintegration.Reference;

/// <summary>A capital or other point with its names in both languages.</summary>
public sealed record NamedPoint(string NameEn, string NameRu, double Lat, double Lon);

/// <summary>A country's name in each language the seeds have it in.</summary>
public sealed record CountryName(string NameEn, string NameRu);

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
    private readonly Dictionary<string, CountryName> _iso;
    private readonly Dictionary<string, CountryName> _names;
    private readonly Dictionary<string, Country> _regional;

    internal Countries(IEnumerable<(string Code, string NameEn, string NameRu)> iso, IEnumerable<Country> regional)
    {
        _iso = iso.ToDictionary(c => c.Code, c => new CountryName(c.NameEn, c.NameRu), StringComparer.Ordinal);
        Regional = regional.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        _regional = Regional.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _names = new Dictionary<string, CountryName>(_iso, StringComparer.Ordinal);
        foreach (var country in Regional)
        {
            _names[country.Code] = new CountryName(country.NameEn, country.NameRu);
        }
    }

    /// <summary>The states of the region, where openings and homes may be.</summary>
    public IReadOnlyList<Country> Regional { get; }

    public int IsoCount => _iso.Count;

    /// <summary>Whether <paramref name="code"/> is an assigned ISO 3166-1 alpha-2 code.</summary>
    public bool IsIsoCode(string code) => _iso.ContainsKey(code);

    public Country? FindRegional(string code) => _regional.GetValueOrDefault(code);

    /// <summary>The country's names, as a state of the region where it is one, else as ISO 3166 has them; null when unknown.</summary>
    public CountryName? NameOf(string code) => _names.GetValueOrDefault(code);

    /// <summary>The names of every country, each as <see cref="NameOf"/> gives it.</summary>
    public IReadOnlyCollection<CountryName> AllNames => _names.Values;

    internal static Countries Load()
    {
        var iso = SeedFiles.ReadCsv("iso-countries.csv").Select(row => (row["code"], row["name_en"], row["name_ru"]));
        var regional = SeedJson.Read("countries.json", SeedJsonContext.Default.CountriesSeed).Countries;
        var countries = new Countries(iso, regional);
        var unknown = regional.Where(c => !countries.IsIsoCode(c.Code)).Select(c => c.Code).ToList();
        return unknown.Count == 0 ? countries : throw new InvalidDataException($"countries.json has codes that are not ISO 3166-1: {string.Join(", ", unknown)}.");
    }
}
