using System.Collections.Concurrent;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Matching.Explanations;

/// <summary>
/// Why an opening was offered, in words a caseworker can pass on: one line per component that matters.
/// A week's digest keeps hundreds of thousands of these lines, so a line that depends on reference data
/// alone (the pathway's, with its long advice; a ban area's name) is made once and shared.
/// </summary>
internal sealed class MatchReasons(ReferenceData reference)
{
    private readonly ConcurrentDictionary<(Words Words, Pathway Pathway, string Obtain, bool Sponsored), string> _pathwayLines = new();

    private readonly ConcurrentDictionary<string, string> _banAreas = new(StringComparer.Ordinal);

    /// <param name="seeker">The person.</param>
    /// <param name="opening">The opening offered.</param>
    /// <param name="scored">How it scored.</param>
    /// <param name="today">The day the rules are judged on.</param>
    /// <param name="words">The language.</param>
    /// <param name="said">
    /// Lines already written for the same person, if kept: a line equal to one of them is replaced by it,
    /// so that the same sentence in several of their recommendations is held once.
    /// </param>
    public IReadOnlyList<string> For(
        Seeker seeker, CandidateOpening opening, Scored scored, int today, Words words, HashSet<string>? said = null)
    {
        var names = new ReferenceNames(reference, words);
        var reasons = new List<string>(8 + opening.Languages.Length + seeker.Profile.Bans.Count)
        {
            Occupation(seeker, opening, words, names),
        };
        AddIfAny(reasons, Skills(seeker, opening, words));
        AddLanguages(reasons, seeker, opening, words, names);
        AddIfAny(reasons, Experience(seeker, opening, words));
        reasons.Add(Wage(seeker, opening, words));
        reasons.Add(Location(opening, scored, words, names));
        reasons.Add(PathwayLine(seeker, opening, words));
        AddBans(reasons, seeker, opening, today, words, names);
        if (seeker.IsRefugee && seeker.Profile.VoluntaryRepatriation && opening.Opening.Location.Country == seeker.Profile.Citizenship)
        {
            reasons.Add(words.VoluntaryRepatriation);
        }

        if (opening.Opening.HousingProvided)
        {
            reasons.Add(words.HousingProvided);
        }

        var lines = reasons.ToArray();
        for (var i = 0; said is not null && i < lines.Length; i++)
        {
            if (!said.Add(lines[i]))
            {
                said.TryGetValue(lines[i], out lines[i]!);
            }
        }

        return lines;
    }

    private static string Occupation(Seeker seeker, CandidateOpening opening, Words words, ReferenceNames names)
    {
        var (best, bestWeight) = (seeker.Occupations[0], double.NegativeInfinity);
        foreach (var experience in seeker.Occupations)
        {
            // The first of the closest, weighted by experience, as MaxBy would give.
            var weight = OccupationScore.Closeness(experience.Isco, opening.Isco) * OccupationScore.ExperienceWeight(experience.Years);
            if (weight > bestWeight)
            {
                (best, bestWeight) = (experience, weight);
            }
        }

        var (theirs, isco) = (names.Occupation(opening.Opening.Isco), opening.Opening.Isco);
        var closeness = OccupationScore.Closeness(best.Isco, opening.Isco);
        var yours = names.Occupation(best.Code);
        return closeness == OccupationScore.SameUnit ? words.SameOccupation(theirs, isco, best.Years)
            : closeness == OccupationScore.SameMinor ? words.RelatedOccupation(theirs, isco, yours, best.Code, best.Years)
            : words.SameField(theirs, isco, yours, best.Code, best.Years);
    }

    private static string? Skills(Seeker seeker, CandidateOpening opening, Words words)
    {
        var asked = opening.Skills.Length + opening.Licences.Length;
        if (asked == 0)
        {
            return null;
        }

        var (held, missing) = (new List<string>(asked), new List<string>(asked));
        foreach (var skill in opening.Skills)
        {
            (seeker.Skills.Contains(skill) || seeker.Licences.Contains(skill) ? held : missing).Add(skill);
        }

        foreach (var licence in opening.Licences)
        {
            if (seeker.Skills.Contains(licence) || seeker.Licences.Contains(licence))
            {
                held.Add(licence);
            }
            else if (Array.IndexOf(opening.Skills, licence) < 0)
            {
                // Missing is listed once: a licence also asked as a skill is missing as that skill already.
                missing.Add(licence);
            }
        }

        return words.Skills(asked, held, missing);
    }

    private static void AddLanguages(List<string> reasons, Seeker seeker, CandidateOpening opening, Words words, ReferenceNames names)
    {
        foreach (var (code, required) in opening.Languages)
        {
            var name = names.Language(code);
            var at = seeker.Languages.IndexOf(code);
            var held = at >= 0 ? seeker.LanguageLevels[at] : default;
            reasons.Add(at < 0 ? words.LanguageNotSpoken(name, required)
                : held >= required ? words.LanguageHeld(name, held, required)
                : words.LanguageBelow(name, held, required));
        }
    }

    private static string? Experience(Seeker seeker, CandidateOpening opening, Words words)
    {
        if (opening.MinYears <= 0)
        {
            return null;
        }

        var years = ExperienceScore.RelevantYears(seeker, opening);
        return years >= opening.MinYears ? words.ExperienceEnough(years, opening.MinYears) : words.ExperienceShort(years, opening.MinYears);
    }

    private static string Wage(Seeker seeker, CandidateOpening opening, Words words)
    {
        if (opening.Opening.MonthlyWage is not { } wage)
        {
            return words.WageNotStated;
        }

        var offered = words.Money(wage.Min, wage.Max, wage.Currency, (decimal)opening.WageUsd);
        if (seeker.Profile.MinMonthlyWage is not { } minimum)
        {
            return words.Wage(offered);
        }

        var wanted = words.Money(minimum.Amount, minimum.Amount, minimum.Currency, (decimal)seeker.MinWageUsd);
        return opening.WageUsd >= seeker.MinWageUsd ? words.WageMeets(offered, wanted) : words.WageBelow(offered, wanted);
    }

    private static string Location(CandidateOpening opening, Scored scored, Words words, ReferenceNames names)
    {
        var city = opening.Opening.Location.City;
        return scored.Nearness switch
        {
            Nearness.SameRegion => words.InHomeRegion(city, scored.DistanceKm),
            Nearness.SameCountry => words.InHomeCountry(city, scored.DistanceKm),
            _ => words.Abroad(names.Country(opening.Opening.Location.Country), city, scored.DistanceKm),
        };
    }

    private string PathwayLine(Seeker seeker, CandidateOpening opening, Words words)
    {
        var regime = seeker.Regimes[opening.Country];
        var sponsored = opening.PermitSponsorship && regime.Pathway is Pathway.WorkPermit or Pathway.VisaAndPermit;
        return _pathwayLines.GetOrAdd(
            (words, regime.Pathway, words.Obtain(regime), sponsored),
            static key => key.Words.PathwayLine(key.Pathway, key.Obtain, key.Sponsored));
    }

    private void AddBans(List<string> reasons, Seeker seeker, CandidateOpening opening, int today, Words words, ReferenceNames names)
    {
        var bans = seeker.Profile.Bans;
        if (bans.Count == 0)
        {
            return;
        }

        var covering = seeker.Bans[opening.Country];
        var country = names.Country(opening.Opening.Location.Country);
        var start = DateOnly.FromDayNumber(seeker.StartDay(opening, today));
        foreach (var ban in bans)
        {
            var area = _banAreas.GetOrAdd(
                ban.Country, static (issuer, areas) => ExclusionText.BanArea(issuer, areas.CountriesBarredBy(issuer)), reference.BanAreas);
            var window = Array.Find(covering, w => ReferenceEquals(w.Ban, ban));
            reasons.Add(window is null ? words.BanDoesNotCover(area, country)
                : window.FromDay > start.DayNumber ? words.BanStartsLater(area, DateOnly.FromDayNumber(window.FromDay), start)
                : words.BanEndedBefore(area, DateOnly.FromDayNumber(window.UntilDay), start));
        }
    }

    private static void AddIfAny(List<string> reasons, string? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }
}
