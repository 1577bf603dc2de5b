using System.Runtime.CompilerServices;

namespace Reintegration.Matching.Scoring;

/// <summary>How near the opening is, by tier and then distance.</summary>
internal enum Nearness
{
    SameRegion,
    SameCountry,
    OtherState,
}

/// <summary>One tier's score: <see cref="Floor"/> far away, rising by up to <see cref="Span"/> as the distance falls.</summary>
internal readonly record struct DistanceCurve(double Floor, double Span, double DecayKm)
{
    /// <summary>The score at distance 0, the most the tier gives.</summary>
    public double Top => Floor + Span;

    public double At(double distanceKm) => Floor + Span * Math.Exp(-distanceKm / DecayKm);
}

/// <summary>
/// Location: the person's own region first, then their own country with distance decay, then the
/// other states of the region. The tiers do not overlap (each tier's top is below the floor of the
/// one before), so a home-country opening always scores above an otherwise equal foreign one
/// (paragraph 10 asks for reintegration at home first).
/// </summary>
internal static class LocationScore
{
    public static readonly DistanceCurve SameRegion = new(Floor: 0.85, Span: 0.15, DecayKm: 100);

    public static readonly DistanceCurve SameCountry = new(Floor: 0.4, Span: 0.4, DecayKm: 400);

    public static readonly DistanceCurve OtherState = new(Floor: 0, Span: 0.3, DecayKm: 2000);

    public static Nearness TierOf(Seeker seeker, CandidateOpening opening) => TierOf(seeker, opening.Country, opening.Region);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Nearness TierOf(Seeker seeker, int country, int region) =>
        country != seeker.HomeCountry ? Nearness.OtherState
        : region != 0 && region == seeker.HomeRegion ? Nearness.SameRegion
        : Nearness.SameCountry;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DistanceCurve CurveOf(Nearness tier) => tier switch
    {
        Nearness.SameRegion => SameRegion,
        Nearness.SameCountry => SameCountry,
        _ => OtherState,
    };

    /// <summary>The best score a tier can give: its score at distance 0, computed the same way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(Nearness tier) => Of(tier, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(Nearness tier, double distanceKm) => CurveOf(tier).At(distanceKm);
}
