namespace Reintegration.Reference;

/// <summary>Countries that share one entry-ban list: a ban issued by one bars entry to all of them.</summary>
public sealed record BanArea(string Id, string NameEn, string NameRu, IReadOnlyList<string> Countries)
{
    /// <summary>How the shared list works in practice and what the person can do about it, for a caseworker to read out.</summary>
    public string ExplanationEn { get; init; } = "";

    /// <inheritdoc cref="ExplanationEn"/>
    public string ExplanationRu { get; init; } = "";

    /// <summary>The citations the area and its explanation were checked against.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The day the area was last checked against its sources.</summary>
    public DateOnly? VerifiedOn { get; init; }
}

public sealed class BanAreas
{
    private const string FileName = "ban-areas.json";
    private readonly Dictionary<string, BanArea> _byCountry;

    internal BanAreas(IEnumerable<BanArea> areas)
    {
        All = areas.Select(a => a with { Countries = a.Countries.Order(StringComparer.Ordinal).ToList() }).ToList();
        _byCountry = All.SelectMany(a => a.Countries.Select(c => (Country: c, Area: a)))
            .ToDictionary(x => x.Country, x => x.Area, StringComparer.Ordinal);
    }

    public IReadOnlyList<BanArea> All { get; }

    /// <summary>Every country a ban issued by <paramref name="issuer"/> bars: its whole area, or the issuer alone.</summary>
    public IReadOnlyList<string> CountriesBarredBy(string issuer) =>
        _byCountry.TryGetValue(issuer, out var area) ? area.Countries : [issuer];

    /// <summary>The area <paramref name="country"/> shares its entry-ban list with, or null when it keeps its own.</summary>
    public BanArea? AreaOf(string country) => _byCountry.GetValueOrDefault(country);

    internal static BanAreas Load() => Parse(SeedFiles.ReadText(FileName));

    internal static BanAreas Parse(string json)
    {
        var seed = SeedJson.Parse(FileName, json, SeedJsonContext.Default.BanAreasSeed);
        var shared = seed.Areas.SelectMany(a => a.Countries).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (shared.Count > 0)
        {
            throw new InvalidDataException($"{FileName} puts {string.Join(", ", shared)} in more than one area.");
        }

        var unexplained = seed.Areas.Where(a => string.IsNullOrWhiteSpace(a.ExplanationEn) || string.IsNullOrWhiteSpace(a.ExplanationRu))
            .Select(a => a.Id).ToList();
        if (unexplained.Count > 0)
        {
            throw new InvalidDataException($"{FileName}: {string.Join(", ", unexplained)} lacks explanationEn or explanationRu.");
        }

        return new BanAreas(seed.Areas.Select(a =>
            a with { Sources = SourcedEntries.Cite(FileName, a.Id, a.Sources, a.VerifiedOn, seed.Sources) }));
    }
}
