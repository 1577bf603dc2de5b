using Reintegration.Matching.Eligibility;
using Reintegration.Reference;
using static Reintegration.Matching.Explanations.Wording;

namespace Reintegration.Matching.Explanations;

/// <summary>Why a hard rule keeps an opening from a person, in words.</summary>
internal sealed class ExclusionText(ReferenceData reference)
{
    /// <summary>The ban's area as people say it: the issuing country first ("RU/BY").</summary>
    public static string BanArea(string issuer, IReadOnlyList<string> area) =>
        string.Join("/", area.OrderBy(c => c == issuer ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal));

    /// <summary>Why an opening no rule excludes is still not offered: it is outside every occupational field of the person.</summary>
    public string OutsideField(Seeker seeker, CandidateOpening opening, string language)
    {
        var theirs = Title(opening.Opening.Isco, language);
        var yours = string.Join(", ", seeker.Profile.Occupations.Select(o => $"{Title(o.Isco, language)} ({o.Isco})"));
        return Pick(language,
            $"Not offered: {theirs} ({opening.Opening.Isco}) is outside the person's occupational fields ({yours}).",
            $"Не предлагается: «{theirs}» ({opening.Opening.Isco}) вне профессиональной области человека ({yours}).");
    }

    /// <summary>
    /// When a ban bars this country only because the issuer shares its entry-ban list, how that sharing works
    /// in practice and what the person can ask (a legal fact, so it is data: ban-areas.json).
    /// </summary>
    private string SharedList(string issuer, string country, string language) =>
        country != issuer && reference.BanAreas.AreaOf(issuer) is { } area
            ? " " + Pick(language, area.ExplanationEn, area.ExplanationRu)
            : "";

    private string Title(string isco, string language) =>
        reference.Occupations.Find(isco) is { } o ? Pick(language, o.TitleEn, o.TitleRu) : isco;

    public string Describe(ExclusionReason reason, Seeker seeker, CandidateOpening opening, int today, string language)
    {
        var country = reference.Countries.NameOf(opening.Opening.Location.Country, language);
        switch (reason)
        {
            case ExclusionReason.ReentryBan:
                var ban = ReentryBanRule.BarringBan(seeker, opening, today)!;
                var area = BanArea(ban.Ban.Country, ban.Area);
                var start = Date(seeker.StartDay(opening, today));
                return (ban.IsOpenEnded
                    ? Pick(language, $"Ban from {area} has no end date; it covers {country}.", $"Запрет на въезд в {area} бессрочный и распространяется на страну: {country}.")
                    : Pick(language, $"Ban from {area} ends {Date(ban.UntilDay)}, after this opening starts ({start}).", $"Запрет на въезд в {area} действует до {Date(ban.UntilDay)}, после начала этой работы ({start})."))
                    + SharedList(ban.Ban.Country, opening.Opening.Location.Country, language);
            case ExclusionReason.NonRefoulement:
                return Pick(language, $"A refugee is not offered work in {country}, a country of citizenship or flight, without voluntary repatriation.", $"Беженцу не предлагается работа в стране гражданства или бегства ({country}) без добровольной репатриации.");
            case ExclusionReason.Relocation:
                return Pick(language, $"Abroad in {country}, and the person has not agreed to relocate there.", $"Работа за рубежом ({country}), а согласия на переезд туда нет.");
            case ExclusionReason.Closed:
                return opening.Unfilled <= 0
                    ? Pick(language, "Every position is filled.", "Все вакансии заполнены.")
                    : Pick(language, $"Expired on {Date(opening.ExpiresDay)}.", $"Срок вакансии истёк {Date(opening.ExpiresDay)}.");
            case ExclusionReason.RefugeesNotAccepted:
                return Pick(language, "The employer does not take refugees.", "Работодатель не принимает беженцев.");
            default:
                var missing = string.Join(", ", opening.Licences.Where(l => !seeker.Licences.Contains(l)));
                return Pick(language, $"Needs a licence the person does not hold: {missing}.", $"Нужна лицензия, которой нет: {missing}.");
        }
    }
}
