using Reintegration.Domain;

namespace Reintegration.Reference;

/// <summary>How a citizen of one state may work in another, and what they must obtain.</summary>
public sealed record MobilityRegime(string Citizenship, string Destination, Pathway Pathway, string ObtainEn, string ObtainRu)
{
    /// <summary>The citations the entry was checked against; empty for a regime the table does not hold.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// The day the entry was last checked against its sources; null for a regime the table does not hold,
    /// which is a default nobody checked.
    /// </summary>
    public DateOnly? VerifiedOn { get; init; }
}

/// <summary>The legal pathway for every citizenship × destination pair of the region's states.</summary>
public sealed class MobilityTable
{
    private const string FileName = "mobility.json";
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
        : citizenship == destination
        ? new MobilityRegime(citizenship, destination, Pathway.Domestic,
            "No permit needed: domestic employment.", "Разрешение не требуется: трудоустройство в своей стране.")
        : new MobilityRegime(citizenship, destination, Pathway.VisaAndPermit,
            "A work visa and a work permit; the mobility table has no agreement for this citizenship.",
            "Рабочая виза и разрешение на работу; для этого гражданства соглашений в таблице нет.");

    internal static MobilityTable Load() => Parse(SeedFiles.ReadText(FileName));

    internal static MobilityTable Parse(string json)
    {
        var seed = SeedJson.Parse(FileName, json, SeedJsonContext.Default.MobilitySeed);
        return new(seed.Regimes.Select(r => r with
        {
            Sources = SourcedEntries.Cite(FileName, $"{r.Citizenship} → {r.Destination}", r.Sources, r.VerifiedOn, seed.Sources),
        }));
    }
}
