using System.Buffers;
using System.Collections.Concurrent;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Matching.Scoring;
using Reintegration.Reference;

namespace Reintegration.Matching.Explanations;

/// <summary>
/// Why an opening was offered, in words a caseworker can pass on: one line per component that matters.
/// A week's digest writes hundreds of thousands of these lines in every language, so a line that depends on
/// a few small facts (the occupation's, a language's, the experience's, the place's, the wage offered, a ban
/// that does not cover the country, the pathway's) is made once per key and shared (<see cref="SharedLines{TKey}"/>);
/// the rest are written straight into their one string, with no string made on the way.
/// </summary>
internal sealed class MatchReasons(ReferenceData reference)
{
    /// <summary>How many lines of one kind are kept at most: the most varied kind, the place's, needs fewer than 10,000 a week.</summary>
    private const int SharedPerKind = 1 << 14;

    private readonly ConcurrentDictionary<(Words Words, Pathway Pathway, string Obtain, bool Sponsored), string> _pathwayLines = new();

    private readonly ConcurrentDictionary<string, string> _banAreas = new(StringComparer.Ordinal);

    private readonly SharedLines<(Words Words, string Isco, string YourIsco, int Years)> _occupationLines = new(SharedPerKind);

    private readonly SharedLines<(Words Words, string Code, bool Spoken, CefrLevel Held, CefrLevel Asked)> _languageLines =
        new(SharedPerKind);

    private readonly SharedLines<(Words Words, int Years, int Asked)> _experienceLines = new(SharedPerKind);

    private readonly SharedLines<(Words Words, decimal Min, decimal Max, string Currency, double Usd)> _wageLines = new(SharedPerKind);

    private readonly SharedLines<(Words Words, Nearness Nearness, string Country, string City, double Km)> _placeLines =
        new(SharedPerKind);

    private readonly SharedLines<(Words Words, string Area, string Country)> _uncoveredBanLines = new(SharedPerKind);

    /// <param name="seeker">The person.</param>
    /// <param name="opening">The opening offered.</param>
    /// <param name="scored">How it scored.</param>
    /// <param name="today">The day the rules are judged on.</param>
    /// <param name="words">The language.</param>
    public string[] For(Seeker seeker, CandidateOpening opening, Scored scored, int today, Words words)
    {
        var names = new ReferenceNames(reference, words);
        var bans = seeker.Profile.Bans;
        var skills = opening.Skills.Length + opening.Licences.Length > 0;
        var experience = opening.MinYears > 0;
        var repatriation = seeker.IsRefugee && seeker.Profile.VoluntaryRepatriation
            && opening.Opening.Location.Country == seeker.Profile.Citizenship;
        var housing = opening.Opening.HousingProvided;
        var optional = One(skills) + One(experience) + One(repatriation) + One(housing);
        var reasons = new string[4 + opening.Languages.Length + bans.Count + optional];
        var at = 0;
        reasons[at++] = Occupation(seeker, opening, words, names);
        if (skills)
        {
            reasons[at++] = Skills(seeker, opening, words);
        }

        foreach (var (code, required) in opening.Languages)
        {
            reasons[at++] = Language(seeker, code, required, words, names);
        }

        if (experience)
        {
            reasons[at++] = Experience(seeker, opening, words);
        }

        reasons[at++] = Wage(seeker, opening, words);
        reasons[at++] = Place(opening, scored, words, names);
        reasons[at++] = PathwayLine(seeker, opening, words);
        for (var i = 0; i < bans.Count; i++)
        {
            reasons[at++] = Ban(bans[i], seeker, opening, today, words, names);
        }

        if (repatriation)
        {
            reasons[at++] = words.VoluntaryRepatriation;
        }

        if (housing)
        {
            reasons[at] = words.HousingProvided;
        }

        return reasons;
    }

    private static int One(bool present) => present ? 1 : 0;

    private string Occupation(Seeker seeker, CandidateOpening opening, Words words, ReferenceNames names)
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

        // The codes name the titles and fix how close they are: the key holds everything the line says.
        return _occupationLines.For(
            (words, opening.Opening.Isco, best.Code, best.Years),
            (names, OccupationScore.Closeness(best.Isco, opening.Isco)),
            static (key, state) =>
            {
                var (words, isco, yourIsco, years) = key;
                var (names, closeness) = state;
                var (theirs, yours) = (names.Occupation(isco), names.Occupation(yourIsco));
                return closeness == OccupationScore.SameUnit ? words.SameOccupation(theirs, isco, years)
                    : closeness == OccupationScore.SameMinor ? words.RelatedOccupation(theirs, isco, yours, yourIsco, years)
                    : words.SameField(theirs, isco, yours, yourIsco, years);
            });
    }

    private static string Skills(Seeker seeker, CandidateOpening opening, Words words)
    {
        // Held names fill the scratch from the front, missing ones from the middle, each in the order asked.
        var asked = opening.Skills.Length + opening.Licences.Length;
        var scratch = ArrayPool<string>.Shared.Rent(2 * asked);
        var (held, missing) = (0, 0);
        foreach (var skill in opening.Skills)
        {
            scratch[seeker.Skills.Contains(skill) || seeker.Licences.Contains(skill) ? held++ : asked + missing++] = skill;
        }

        foreach (var licence in opening.Licences)
        {
            if (seeker.Skills.Contains(licence) || seeker.Licences.Contains(licence))
            {
                scratch[held++] = licence;
            }
            else if (Array.IndexOf(opening.Skills, licence) < 0)
            {
                // Missing is listed once: a licence also asked as a skill is missing as that skill already.
                scratch[asked + missing++] = licence;
            }
        }

        var line = words.Skills(asked, new Listing(scratch, 0, held), new Listing(scratch, asked, missing));
        ArrayPool<string>.Shared.Return(scratch, clearArray: true);
        return line;
    }

    private string Language(Seeker seeker, string code, CefrLevel required, Words words, ReferenceNames names)
    {
        var at = seeker.Languages.IndexOf(code);
        return _languageLines.For(
            (words, code, at >= 0, at >= 0 ? seeker.LanguageLevels[at] : default, required),
            names,
            static (key, names) =>
            {
                var (words, code, spoken, held, asked) = key;
                var name = names.Language(code);
                return !spoken ? words.LanguageNotSpoken(name, asked)
                    : held >= asked ? words.LanguageHeld(name, held, asked)
                    : words.LanguageBelow(name, held, asked);
            });
    }

    private string Experience(Seeker seeker, CandidateOpening opening, Words words) =>
        _experienceLines.For(
            (words, ExperienceScore.RelevantYears(seeker, opening), opening.MinYears),
            0,
            static (key, _) => key.Years >= key.Asked
                ? key.Words.ExperienceEnough(key.Years, key.Asked)
                : key.Words.ExperienceShort(key.Years, key.Asked));

    private string Wage(Seeker seeker, CandidateOpening opening, Words words)
    {
        if (opening.Opening.MonthlyWage is not { } wage)
        {
            return words.WageNotStated;
        }

        if (seeker.Profile.MinMonthlyWage is not { } minimum)
        {
            // The wage alone depends on the opening only, and an opening goes to up to its cap of people.
            return _wageLines.For(
                (words, wage.Min, wage.Max, wage.Currency, opening.WageUsd),
                0,
                static (key, _) => key.Words.Wage(key.Words.Money(key.Min, key.Max, key.Currency, (decimal)key.Usd)));
        }

        var offered = words.Money(wage.Min, wage.Max, wage.Currency, (decimal)opening.WageUsd);
        var wanted = words.Money(minimum.Amount, minimum.Amount, minimum.Currency, (decimal)seeker.MinWageUsd);
        return opening.WageUsd >= seeker.MinWageUsd ? words.WageMeets(offered, wanted) : words.WageBelow(offered, wanted);
    }

    private string Place(CandidateOpening opening, Scored scored, Words words, ReferenceNames names) =>
        // Distances are written to the kilometre: people from one town to one city share the line.
        _placeLines.For(
            (words, scored.Nearness, opening.Opening.Location.Country, opening.Opening.Location.City, Math.Round(scored.DistanceKm)),
            names,
            static (key, names) => key.Nearness switch
            {
                Nearness.SameRegion => key.Words.InHomeRegion(key.City, key.Km),
                Nearness.SameCountry => key.Words.InHomeCountry(key.City, key.Km),
                _ => key.Words.Abroad(names.Country(key.Country), key.City, key.Km),
            });

    private string PathwayLine(Seeker seeker, CandidateOpening opening, Words words)
    {
        var regime = seeker.Regimes[opening.Country];
        var sponsored = opening.PermitSponsorship && regime.Pathway is Pathway.WorkPermit or Pathway.VisaAndPermit;
        return _pathwayLines.GetOrAdd(
            (words, regime.Pathway, words.Obtain(regime), sponsored),
            static key => key.Words.PathwayLine(key.Pathway, key.Obtain, key.Sponsored));
    }

    private string Ban(EntryBan ban, Seeker seeker, CandidateOpening opening, int today, Words words, ReferenceNames names)
    {
        var area = _banAreas.GetOrAdd(
            ban.Country, static (issuer, areas) => ExclusionText.BanArea(issuer, areas.CountriesBarredBy(issuer)), reference.BanAreas);
        var country = opening.Opening.Location.Country;
        var window = Covering(seeker.Bans[opening.Country], ban);
        if (window is null)
        {
            return _uncoveredBanLines.For(
                (words, area, country), names, static (key, names) => key.Words.BanDoesNotCover(key.Area, names.Country(key.Country)));
        }

        var start = DateOnly.FromDayNumber(seeker.StartDay(opening, today));
        return window.FromDay > start.DayNumber
            ? words.BanStartsLater(area, DateOnly.FromDayNumber(window.FromDay), start)
            : words.BanEndedBefore(area, DateOnly.FromDayNumber(window.UntilDay), start);
    }

    private static BanWindow? Covering(BanWindow[] covering, EntryBan ban)
    {
        foreach (var window in covering)
        {
            if (ReferenceEquals(window.Ban, ban))
            {
                return window;
            }
        }

        return null;
    }
}
