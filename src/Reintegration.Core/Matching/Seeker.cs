using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Matching;

/// <summary>A re-entry ban as it applies to one country: in force from <see cref="FromDay"/> up to, not including, <see cref="UntilDay"/>.</summary>
internal sealed record BanWindow(EntryBan Ban, IReadOnlyList<string> Area, int FromDay, int UntilDay)
{
    public bool InForceOn(int day) => FromDay <= day && day < UntilDay;

    public bool IsOpenEnded => UntilDay == int.MaxValue;
}

/// <summary>One of the person's occupations, with its place in the ISCO hierarchy.</summary>
internal readonly record struct Experience(IscoUnit Isco, int Years, string Code);

/// <summary>
/// A profile compiled for one query: per-country facts (bans, refoulement, relocation, pathway) in
/// arrays, texts normalised, wage in US dollars. Built once per query, read for every opening.
/// </summary>
internal sealed class Seeker
{
    private Seeker(Profile profile) => Profile = profile;

    public Profile Profile { get; }
    public required int HomeCountry { get; init; }
    public required int HomeRegion { get; init; }
    public required GeoPoint Home { get; init; }
    public required bool IsRefugee { get; init; }
    public required int AvailableDay { get; init; }
    public required Experience[] Occupations { get; init; }
    public required HeldTexts Skills { get; init; }
    public required HeldTexts Licences { get; init; }

    /// <summary>The codes of the languages the person speaks; <see cref="LanguageLevels"/> in the same order.</summary>
    public required HeldTexts Languages { get; init; }

    public required CefrLevel[] LanguageLevels { get; init; }

    /// <summary>The skills and licences as bits, for the skills' bound from an opening's index key (<see cref="Scoring.SkillScore.AtMost"/>).</summary>
    public required NumberBits SkillBits { get; init; }

    /// <summary>The languages as bits, for the language's bound from an opening's index key (<see cref="Scoring.LanguageScore.AtMost"/>).</summary>
    public required NumberBits LanguageBits { get; init; }

    public required double MinWageUsd { get; init; }

    /// <summary>Per country: the bans that cover it (usually none).</summary>
    public required BanWindow[][] Bans { get; init; }

    /// <summary>Per country: non-refoulement forbids it.</summary>
    public required bool[] Refoulement { get; init; }

    /// <summary>Per country: the person will work there (home, or abroad with consent to relocate there).</summary>
    public required bool[] WillWorkIn { get; init; }

    /// <summary>Per country: the legal pathway from the person's citizenship.</summary>
    public required MobilityRegime[] Regimes { get; init; }

    /// <param name="profile">The person.</param>
    /// <param name="reference">The reference data.</param>
    /// <param name="countries">The states of the region, by index.</param>
    /// <param name="regimes">
    /// Per country, the pathway from the person's citizenship: the same for everyone of one citizenship,
    /// so shared (see <see cref="MatchingEngine"/>) and only read.
    /// </param>
    /// <param name="vocabulary">The numbers of the openings' skills, licences and languages.</param>
    public static Seeker Compile(
        Profile profile, ReferenceData reference, CountryIndex countries, MobilityRegime[] regimes, Vocabulary vocabulary)
    {
        var (lat, lon) = LocationRules.Coordinates(profile.Home, reference);
        var home = countries.IndexOf(profile.Home.Country);
        var isRefugee = profile.Status == PersonStatus.Refugee;
        var refoulement = new bool[countries.Count];
        var willWorkIn = new bool[countries.Count];
        for (var i = 0; i < countries.Count; i++)
        {
            var country = countries.Codes[i];
            refoulement[i] = isRefugee && !profile.VoluntaryRepatriation
                && (profile.Citizenship == country || profile.FledCountries.Contains(country));
            var relocation = profile.Relocation;
            willWorkIn[i] = i == home || relocation.Willing && (relocation.Countries.Count == 0 || relocation.Countries.Contains(country));
        }

        var occupations = new Experience[profile.Occupations.Count];
        for (var i = 0; i < occupations.Length; i++)
        {
            var occupation = profile.Occupations[i];
            occupations[i] = new Experience(IscoUnit.Parse(occupation.Isco), occupation.Years, occupation.Isco);
        }

        var (skills, licences) = (vocabulary.Held(Text.NormaliseAll(profile.Skills)), vocabulary.Held(Text.NormaliseAll(profile.Licences)));
        var languages = vocabulary.Held(profile.Languages.Select(l => l.Code).ToArray());
        return new Seeker(profile)
        {
            HomeCountry = home,
            HomeRegion = reference.Places.RegionIdAt(profile.Home.Country, lat, lon),
            Home = new GeoPoint(lat, lon),
            IsRefugee = isRefugee,
            AvailableDay = profile.AvailableFrom?.DayNumber ?? int.MinValue,
            Occupations = occupations,
            Skills = skills,
            Licences = licences,
            Languages = languages,
            LanguageLevels = profile.Languages.Select(l => Cefr.Parse(l.Level)).ToArray(),
            SkillBits = skills.Bits.With(licences.Bits),
            LanguageBits = languages.Bits,
            MinWageUsd = profile.MinMonthlyWage is { } wage ? (double)reference.Currencies.ToUsd(wage.Amount, wage.Currency) : double.NaN,
            Bans = BansByCountry(profile, reference, countries),
            Refoulement = refoulement,
            WillWorkIn = willWorkIn,
            Regimes = regimes,
        };
    }

    /// <summary>Per country, the bans that cover it, in the profile's order; most people have none.</summary>
    private static BanWindow[][] BansByCountry(Profile profile, ReferenceData reference, CountryIndex countries)
    {
        var bans = new List<BanWindow>?[countries.Count];
        foreach (var ban in profile.Bans)
        {
            var area = reference.BanAreas.CountriesBarredBy(ban.Country);
            var window = new BanWindow(ban, area, ban.From?.DayNumber ?? int.MinValue, ban.Until?.DayNumber ?? int.MaxValue);
            foreach (var country in area)
            {
                if (countries.TryIndexOf(country, out var index))
                {
                    (bans[index] ??= []).Add(window);
                }
            }
        }

        return Array.ConvertAll(bans, b => b is null ? [] : b.ToArray());
    }

    /// <summary>The first day the person could start in the opening: the later of its start, their availability, and today.</summary>
    public int StartDay(CandidateOpening opening, int today) => StartDay(opening.StartDay, today);

    /// <summary>The same, from the opening's start day alone (as its index key holds it).</summary>
    public int StartDay(int openingStartDay, int today) => Math.Max(today, Math.Max(openingStartDay, AvailableDay));
}
