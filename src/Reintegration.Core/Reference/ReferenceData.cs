namespace Reintegration.Reference;

/// <summary>
/// Everything the engine knows about the world, from seeds/: loaded once, on first use, and shared
/// (it is immutable, so every thread may read it).
/// </summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ReferenceData(Occupations occupations, Countries countries, Currencies currencies, Languages languages,
        BanAreas banAreas, MobilityTable mobility, Places places)
    {
        Occupations = occupations;
        Countries = countries;
        Currencies = currencies;
        Languages = languages;
        BanAreas = banAreas;
        Mobility = mobility;
        Places = places;
    }

    public static ReferenceData Shared => Instance.Value;

    public Occupations Occupations { get; }
    public Countries Countries { get; }
    public Currencies Currencies { get; }
    public Languages Languages { get; }
    public BanAreas BanAreas { get; }
    public MobilityTable Mobility { get; }
    public Places Places { get; }

    private static ReferenceData Load() => new(
        Occupations.Load(), Countries.Load(), Currencies.Load(), Languages.Load(), BanAreas.Load(), MobilityTable.Load(), Places.Load());
}
