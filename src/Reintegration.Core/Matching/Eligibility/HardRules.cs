using System.Runtime.CompilerServices;
using Reintegration.Matching.Index;

namespace Reintegration.Matching.Eligibility;

/// <summary>The four hard rules in their order: an opening is excluded by the first it breaks.</summary>
internal static class HardRules
{
    public static ExclusionReason? FirstBroken(Seeker seeker, CandidateOpening opening, int today) =>
        FirstBrokenBeforeLicences(seeker, opening.Country, OpeningKey.Of(opening), today) is { } reason ? reason
        : OpenAndReachableRule.LacksLicence(seeker, opening) ? ExclusionReason.Licence
        : null;

    /// <summary>
    /// Every rule but the licences, the last checked, judged from the opening's index key alone: an
    /// index walks its keys in order and reads an opening only when the key leaves it a candidate, or
    /// when <see cref="OpeningKey.NeedsLicence"/> asks for the licences to be checked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ExclusionReason? FirstBrokenBeforeLicences(Seeker seeker, int country, in OpeningKey key, int today) =>
        ReentryBanRule.BarringBan(seeker, country, key.StartDay, today) is not null ? ExclusionReason.ReentryBan
        : NonRefoulementRule.Bars(seeker, country) ? ExclusionReason.NonRefoulement
        : RelocationRule.Bars(seeker, country) ? ExclusionReason.Relocation
        : OpenAndReachableRule.CheckTerms(seeker, key, today);

    /// <summary>
    /// The rule that excludes every opening of a country whatever its dates and terms, or null when
    /// openings there must be judged one by one. Agrees with <see cref="FirstBroken"/> for each of them.
    /// </summary>
    /// <remarks>
    /// Each opening counts under the first rule it breaks in <see cref="FirstBroken"/>'s order, and this
    /// keeps that precedence. A ban in force for good comes first, as the ban rule does. While any other
    /// ban covers the country, that ban claims the openings starting while it is in force ahead of
    /// non-refoulement and relocation, so the country is judged opening by opening even when one of those
    /// rules bars all of it: counting the whole country under the later rule would move those openings
    /// from <c>reentryBan</c> to it.
    /// </remarks>
    public static ExclusionReason? BarringWholeCountry(Seeker seeker, int country, int today) =>
        ReentryBanRule.BarsWholeCountry(seeker, country, today) ? ExclusionReason.ReentryBan
        : seeker.Bans[country].Length > 0 ? null
        : NonRefoulementRule.Bars(seeker, country) ? ExclusionReason.NonRefoulement
        : RelocationRule.Bars(seeker, country) ? ExclusionReason.Relocation
        : null;
}
