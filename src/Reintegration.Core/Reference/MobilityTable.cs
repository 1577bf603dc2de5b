using Reintegration.Domain;

namespace Reintegration.Reference;

/// <summary>How a citizen of one state may work in another, and what they must obtain.</summary>
public sealed record MobilityRegime(string Citizenship, string Destination, Pathway Pathway, string ObtainEn, string ObtainRu);

/// <summary>The legal pathway for every citizenship × destination pair of the region's states.</summary>
public sealed class MobilityTable
{
    private readonly Dictionary<(string, string), MobilityRegime> _pairs;

    internal MobilityTable(IEnumerable<MobilityRegime> regimes)
    {
        All = regimes.ToList();
        _pairs = All.ToDictionary(r => (r.Citizenship, r.Destination));
    }

    public IReadOnlyList<MobilityRegime> All { get; }

    /// <summary>
    /// The regime for the pair. A citizenship outside the table (a refugee from elsewhere, say) works
    /// domestically at home and otherwise needs a visa and a permit, the strictest pathway.
    /// </summary>
    public MobilityRegime Find(string citizenship, string destination) =>
        _pairs.TryGetValue((citizenship, destination), out var regime) ? regime
        : citizenship == destination ? new MobilityRegime(citizenship, destination, Pathway.Domestic, "No permit needed: domestic employment.", "Разрешение не требуется: трудоустройство в своей стране.")
        : new MobilityRegime(citizenship, destination, Pathway.VisaAndPermit,
            "A work visa and a work permit; the mobility table has no agreement for this citizenship.",
            "Рабочая виза и разрешение на работу; для этого гражданства соглашений в таблице нет.");

    internal static MobilityTable Load() => new(SeedJson.Read("mobility.json", SeedJsonContext.Default.MobilitySeed).Regimes);
}
