namespace Reintegration.Matching.Scoring;

/// <summary>How near the opening is, by tier and then distance.</summary>
internal enum Nearness
{
    SameRegion,
    SameCountry,
    OtherState,
}

/// <summary>
/// Location: the person's own region first, then their own country with distance decay, then the
/// other states of the region. The tiers do not overlap, so a home-country opening always scores
/// above an otherwise equal foreign one (paragraph 10 asks for reintegration at home first).
/// </summary>
internal static class LocationScore
{
    public static Nearness TierOf(Seeker seeker, CandidateOpening opening) => TierOf(seeker, opening.Country, opening.Region);

    public static Nearness TierOf(Seeker seeker, int country, int region) =>
        country != seeker.HomeCountry ? Nearness.OtherState
        : region != 0 && region == seeker.HomeRegion ? Nearness.SameRegion
        : Nearness.SameCountry;

    /// <summary>The best score a tier can give: its score at distance 0, computed the same way.</summary>
    public static double Max(Nearness tier) => Of(tier, 0);

    public static double Of(Nearness tier, double distanceKm) => tier switch
    {
        Nearness.SameRegion => 0.85 + 0.15 * Math.Exp(-distanceKm / 100),
        Nearness.SameCountry => 0.4 + 0.4 * Math.Exp(-distanceKm / 400),
        _ => 0.3 * Math.Exp(-distanceKm / 2000),
    };
}
