namespace Reintegration.Reference;

/// <summary>Countries that share one entry-ban list: a ban issued by one bars entry to all of them.</summary>
public sealed record BanArea(string Id, string NameEn, string NameRu, IReadOnlyList<string> Countries);

public sealed class BanAreas
{
    private readonly Dictionary<string, IReadOnlyList<string>> _barredBy;

    internal BanAreas(IEnumerable<BanArea> areas)
    {
        All = areas.ToList();
        _barredBy = All.SelectMany(a => a.Countries.Select(c => (Country: c, Area: a)))
            .ToDictionary(x => x.Country, x => (IReadOnlyList<string>)x.Area.Countries.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<BanArea> All { get; }

    /// <summary>Every country a ban issued by <paramref name="issuer"/> bars: its whole area, or the issuer alone.</summary>
    public IReadOnlyList<string> CountriesBarredBy(string issuer) => _barredBy.TryGetValue(issuer, out var area) ? area : [issuer];

    internal static BanAreas Load()
    {
        var areas = SeedJson.Read("ban-areas.json", SeedJsonContext.Default.BanAreasSeed).Areas;
        var shared = areas.SelectMany(a => a.Countries).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return shared.Count == 0 ? new BanAreas(areas) : throw new InvalidDataException($"ban-areas.json puts {string.Join(", ", shared)} in more than one area.");
    }
}
