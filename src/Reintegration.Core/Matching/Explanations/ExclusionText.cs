using Reintegration.Localisation;
using Reintegration.Matching.Eligibility;
using Reintegration.Reference;

namespace Reintegration.Matching.Explanations;

/// <summary>Why a hard rule keeps an opening from a person, in words.</summary>
internal sealed class ExclusionText(ReferenceData reference)
{
    /// <summary>The ban's area as people say it: the issuing country first ("RU/BY").</summary>
    public static string BanArea(string issuer, IReadOnlyList<string> area) =>
        string.Join("/", area.OrderBy(c => c == issuer ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal));

    /// <summary>Why an opening no rule excludes is still not offered: it is outside every occupational field of the person.</summary>
    public string OutsideField(Seeker seeker, CandidateOpening opening, Words words)
    {
        var names = new ReferenceNames(reference, words);
        var yours = string.Join(", ", seeker.Profile.Occupations.Select(o => $"{names.Occupation(o.Isco)} ({o.Isco})"));
        return words.OutsideField(names.Occupation(opening.Opening.Isco), opening.Opening.Isco, yours);
    }

    /// <summary>
    /// When a ban bars this country only because the issuer shares its entry-ban list, how that sharing works
    /// in practice and what the person can ask (a legal fact, so it is data: ban-areas.json).
    /// </summary>
    private string SharedList(string issuer, string country, Words words) =>
        country != issuer && reference.BanAreas.AreaOf(issuer) is { } area ? " " + words.Explanation(area) : "";

    public string Describe(ExclusionReason reason, Seeker seeker, CandidateOpening opening, int today, Words words)
    {
        var country = new ReferenceNames(reference, words).Country(opening.Opening.Location.Country);
        switch (reason)
        {
            case ExclusionReason.ReentryBan:
                var ban = ReentryBanRule.BarringBan(seeker, opening, today)!;
                var area = BanArea(ban.Ban.Country, ban.Area);
                var start = DateOnly.FromDayNumber(seeker.StartDay(opening, today));
                return (ban.IsOpenEnded
                    ? words.BannedForGood(area, country)
                    : words.BannedUntil(area, DateOnly.FromDayNumber(ban.UntilDay), start))
                    + SharedList(ban.Ban.Country, opening.Opening.Location.Country, words);
            case ExclusionReason.NonRefoulement:
                return words.WouldBeSentBack(country);
            case ExclusionReason.Relocation:
                return words.NoConsentToMove(country);
            case ExclusionReason.Closed:
                return opening.Unfilled <= 0 ? words.EveryPositionFilled : words.Expired(DateOnly.FromDayNumber(opening.ExpiresDay));
            case ExclusionReason.RefugeesNotAccepted:
                return words.RefugeesNotTaken;
            default:
                return words.LicenceMissing(string.Join(", ", opening.Licences.Where(l => !seeker.Licences.Contains(l))));
        }
    }
}
