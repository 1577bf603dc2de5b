using Reintegration.Domain;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;
using static Reintegration.Matching.Explanations.Wording;

namespace Reintegration.Matching.Explanations;

/// <summary>Why an opening was offered, in words a caseworker can pass on: one line per component that matters.</summary>
internal sealed class MatchReasons(ReferenceData reference)
{
    public IReadOnlyList<string> For(Seeker seeker, CandidateOpening opening, Scored scored, int today, string language)
    {
        var reasons = new List<string> { Occupation(seeker, opening, language) };
        AddIfAny(reasons, Skills(seeker, opening, language));
        reasons.AddRange(Languages(seeker, opening, language));
        AddIfAny(reasons, Experience(seeker, opening, language));
        AddIfAny(reasons, Wage(seeker, opening, language));
        reasons.Add(Location(opening, scored, language));
        reasons.Add(PathwayLine(seeker, opening, language));
        reasons.AddRange(Bans(seeker, opening, today, language));
        if (seeker.IsRefugee && seeker.Profile.VoluntaryRepatriation && opening.Opening.Location.Country == seeker.Profile.Citizenship)
        {
            reasons.Add(Pick(language, "Voluntary repatriation is recorded in the profile.", "В профиле отмечена добровольная репатриация."));
        }

        if (opening.Opening.HousingProvided)
        {
            reasons.Add(Pick(language, "Housing is provided.", "Жильё предоставляется."));
        }

        return reasons;
    }

    private string Occupation(Seeker seeker, CandidateOpening opening, string language)
    {
        var best = seeker.Occupations.MaxBy(e => OccupationScore.Closeness(e.Isco, opening.Isco) * OccupationScore.ExperienceWeight(e.Years));
        var theirs = Title(opening.Opening.Isco, language);
        var yours = Title(best.Code, language);
        var closeness = OccupationScore.Closeness(best.Isco, opening.Isco);
        var years = Years(best.Years, language);
        return closeness == OccupationScore.SameUnit
            ? Pick(language, $"Same occupation: {theirs} ({opening.Opening.Isco}), {years} of experience.", $"Та же профессия: {theirs} ({opening.Opening.Isco}), стаж {years}.")
            : closeness == OccupationScore.SameMinor
                ? Pick(language, $"Related occupation: {theirs} ({opening.Opening.Isco}), close to {yours} ({best.Code}, {years}).", $"Родственная профессия: {theirs} ({opening.Opening.Isco}), близка к «{yours}» ({best.Code}, {years}).")
                : Pick(language, $"Same field: {theirs} ({opening.Opening.Isco}); your occupation is {yours} ({best.Code}, {years}).", $"Та же область: {theirs} ({opening.Opening.Isco}); ваша профессия — «{yours}» ({best.Code}, {years}).");
    }

    private static string? Skills(Seeker seeker, CandidateOpening opening, string language)
    {
        var asked = opening.Skills.Concat(opening.Licences).ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        var held = asked.Where(a => seeker.Skills.Contains(a) || seeker.Licences.Contains(a)).ToList();
        var missing = asked.Except(held).ToList();
        var line = Pick(language, $"Skills: {held.Count} of {asked.Count} asked", $"Навыки: {held.Count} из {asked.Count} требуемых");
        if (held.Count > 0)
        {
            line += $" ({string.Join(", ", held)})";
        }

        if (missing.Count > 0)
        {
            line += Pick(language, $"; missing: {string.Join(", ", missing)}", $"; не хватает: {string.Join(", ", missing)}");
        }

        return line + ".";
    }

    private IEnumerable<string> Languages(Seeker seeker, CandidateOpening opening, string language)
    {
        foreach (var (code, required) in opening.Languages)
        {
            var name = LanguageName(code, language);
            yield return seeker.Languages.TryGetValue(code, out var held)
                ? held >= required
                    ? Pick(language, $"{name}: {held}, {required} asked.", $"{name}: {held}, требуется {required}.")
                    : Pick(language, $"{name}: {held}, below the {required} asked.", $"{name}: {held}, ниже требуемого {required}.")
                : Pick(language, $"{name}: not spoken, {required} asked.", $"{name}: не владеет, требуется {required}.");
        }
    }

    private static string? Experience(Seeker seeker, CandidateOpening opening, string language)
    {
        if (opening.MinYears <= 0)
        {
            return null;
        }

        var years = ExperienceScore.RelevantYears(seeker, opening);
        return years >= opening.MinYears
            ? Pick(language, $"Experience: {Years(years, language)}, at least {Years(opening.MinYears, language)} asked.", $"Опыт: {Years(years, language)}, требуется не менее {YearsAfterComparison(opening.MinYears, language)}.")
            : Pick(language, $"Experience: {Years(years, language)}, short of the {Years(opening.MinYears, language)} asked.", $"Опыт: {Years(years, language)}, меньше требуемых {YearsAfterComparison(opening.MinYears, language)}.");
    }

    private static string? Wage(Seeker seeker, CandidateOpening opening, string language)
    {
        if (opening.Opening.MonthlyWage is not { } wage)
        {
            return Pick(language, "The wage is not stated.", "Зарплата не указана.");
        }

        var range = wage.Min == wage.Max ? Amount(wage.Min, language) : $"{Amount(wage.Min, language)}–{Amount(wage.Max, language)}";
        var offered = $"{range} {wage.Currency} (≈ {Amount((decimal)opening.WageUsd, language)} USD)";
        if (seeker.Profile.MinMonthlyWage is not { } minimum)
        {
            return Pick(language, $"Wage: {offered} a month.", $"Зарплата: {offered} в месяц.");
        }

        var wanted = $"{Amount(minimum.Amount, language)} {minimum.Currency} (≈ {Amount((decimal)seeker.MinWageUsd, language)} USD)";
        return opening.WageUsd >= seeker.MinWageUsd
            ? Pick(language, $"Wage: {offered} a month, meets the minimum of {wanted}.", $"Зарплата: {offered} в месяц, не ниже минимума {wanted}.")
            : Pick(language, $"Wage: {offered} a month, below the minimum of {wanted}.", $"Зарплата: {offered} в месяц, ниже минимума {wanted}.");
    }

    private string Location(CandidateOpening opening, Scored scored, string language)
    {
        var city = opening.Opening.Location.City;
        var distance = Km(scored.DistanceKm, language);
        return scored.Nearness switch
        {
            Nearness.SameRegion => Pick(language, $"In the home region: {city}, {distance} from home.", $"В родном регионе: {city}, {distance} от дома."),
            Nearness.SameCountry => Pick(language, $"In the home country: {city}, {distance} from home.", $"В своей стране: {city}, {distance} от дома."),
            _ => Pick(language,
                $"Abroad, in {reference.Countries.NameOf(opening.Opening.Location.Country, language)}: {city}, {distance} from home; relocation agreed.",
                $"За рубежом, {reference.Countries.NameOf(opening.Opening.Location.Country, language)}: {city}, {distance} от дома; согласие на переезд есть."),
        };
    }

    private static string PathwayLine(Seeker seeker, CandidateOpening opening, string language)
    {
        var regime = seeker.Regimes[opening.Country];
        var name = PathwayName(regime.Pathway, language);
        var obtain = Pick(language, regime.ObtainEn, regime.ObtainRu);
        var sponsor = opening.PermitSponsorship && regime.Pathway is Pathway.WorkPermit or Pathway.VisaAndPermit
            ? Pick(language, " The employer sponsors the permit.", " Работодатель оформляет разрешение.")
            : "";
        return Pick(language, $"Pathway: {name}. {obtain}{sponsor}", $"Правовой путь: {name}. {obtain}{sponsor}");
    }

    private IEnumerable<string> Bans(Seeker seeker, CandidateOpening opening, int today, string language)
    {
        var covering = seeker.Bans[opening.Country];
        var country = reference.Countries.NameOf(opening.Opening.Location.Country, language);
        foreach (var ban in seeker.Profile.Bans)
        {
            var area = ExclusionText.BanArea(ban.Country, reference.BanAreas.CountriesBarredBy(ban.Country));
            var window = covering.FirstOrDefault(w => ReferenceEquals(w.Ban, ban));
            var startDay = seeker.StartDay(opening, today);
            yield return window is null
                ? Pick(language, $"The ban from {area} does not cover {country}.", $"Запрет на въезд в {area} не распространяется на страну: {country}.")
                : window.FromDay > startDay
                ? Pick(language,
                    $"The ban from {area} starts {Date(window.FromDay)}, after this job can start ({Date(startDay)}).",
                    $"Запрет на въезд в {area} начнётся {Date(window.FromDay)}, после начала этой работы ({Date(startDay)}).")
                : Pick(language,
                    $"The ban from {area} ends {Date(window.UntilDay)}, by the time this job can start ({Date(startDay)}).",
                    $"Запрет на въезд в {area} заканчивается {Date(window.UntilDay)}, к началу этой работы ({Date(startDay)}).");
        }
    }

    public static string PathwayName(Pathway pathway, string language) => pathway switch
    {
        Pathway.Domestic => Pick(language, "domestic", "работа в своей стране"),
        Pathway.FreeMovement => Pick(language, "free movement (EAEU)", "свободное передвижение (ЕАЭС)"),
        Pathway.WorkPermit => Pick(language, "work permit", "разрешение на работу"),
        _ => Pick(language, "visa and work permit", "виза и разрешение на работу"),
    };

    private string Title(string isco, string language) =>
        reference.Occupations.Find(isco) is { } o ? Pick(language, o.TitleEn, o.TitleRu) : isco;

    private string LanguageName(string code, string language) =>
        reference.Languages.Find(code) is { } l ? Pick(language, l.NameEn, Capitalise(l.NameRu)) : code;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void AddIfAny(List<string> reasons, string? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }
}
