namespace Reintegration.Matching.Eligibility;

/// <summary>The four hard rules in their order: an opening is excluded by the first it breaks.</summary>
internal static class HardRules
{
    public static ExclusionReason? FirstBroken(Seeker seeker, CandidateOpening opening, int today) =>
        ReentryBanRule.BarringBan(seeker, opening, today) is not null ? ExclusionReason.ReentryBan
        : NonRefoulementRule.Bars(seeker, opening.Country) ? ExclusionReason.NonRefoulement
        : RelocationRule.Bars(seeker, opening.Country) ? ExclusionReason.Relocation
        : OpenAndReachableRule.Check(seeker, opening, today);

    /// <summary>
    /// The rule that excludes every opening of a country whatever its dates and terms, or null when
    /// openings there must be judged one by one. Agrees with <see cref="FirstBroken"/> for each of them.
    /// </summary>
    public static ExclusionReason? BarringWholeCountry(Seeker seeker, int country, int today) =>
        ReentryBanRule.BarsWholeCountry(seeker, country, today) ? ExclusionReason.ReentryBan
        : seeker.Bans[country].Length > 0 ? null
        : NonRefoulementRule.Bars(seeker, country) ? ExclusionReason.NonRefoulement
        : RelocationRule.Bars(seeker, country) ? ExclusionReason.Relocation
        : null;
}
