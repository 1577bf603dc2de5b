using System.Globalization;
using Bogus;
using Reintegration.Demo.Sampling;
using Reintegration.Demo.Settings;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Demo.Generation;

/// <summary>The caseload of a centre: returning migrants (often under a re-entry ban) and refugees, per demo.json.</summary>
internal sealed class ProfileGenerator
{
    private const string NoLanguage = "none";

    private readonly DemoSettings _settings;
    private readonly ProfileSettings _profiles;
    private readonly PlacePicker _places;
    private readonly Weighted<string> _occupations;
    private readonly Weighted<string> _refugeeCitizenships;
    private readonly Weighted<string> _refugeeBanIssuers;
    private readonly Weighted<string> _hostLanguageLevels;
    private readonly Weighted<string> _russianForRefugees;
    private readonly Weighted<string> _banYears;
    private readonly Weighted<string> _relocationCountries;
    private readonly Dictionary<string, Weighted<string>> _banIssuers;
    private readonly Dictionary<string, Weighted<string>> _motherTongues;
    private readonly Dictionary<string, Weighted<string>> _russian;
    private readonly List<(OtherLanguageSettings Rule, Weighted<string> Levels)> _otherLanguages;
    private readonly Dictionary<string, string> _hostLanguages;

    public ProfileGenerator(DemoSettings settings, ReferenceData reference)
    {
        _settings = settings;
        _profiles = settings.Profiles;
        var homeCountries = settings.Centres.Select(c => c.Country).ToList();
        _places = new PlacePicker(reference, homeCountries);
        _occupations = Weighted.Of(settings.Occupations, "occupations");
        _refugeeCitizenships = Weighted.Of(_profiles.Refugees.Citizenships, "profiles.refugees.citizenships");
        _refugeeBanIssuers = Weighted.Of(_profiles.Refugees.BanIssuers, "profiles.refugees.banIssuers");
        _hostLanguageLevels = Weighted.Of(_profiles.Refugees.HostLanguageLevels, "profiles.refugees.hostLanguageLevels");
        _russianForRefugees = Weighted.Of(_profiles.RussianLevels.Refugees, "profiles.russianLevels.refugees");
        _banYears = Weighted.Of(_profiles.Bans.Years, "profiles.bans.years");
        _relocationCountries = Weighted.Of(_profiles.Relocation.Countries, "profiles.relocation.countries");
        _banIssuers = _profiles.Returnees.BanIssuers.ToDictionary(p => p.Key, p => Weighted.Of(p.Value, $"profiles.returnees.banIssuers.{p.Key}"), StringComparer.Ordinal);
        _motherTongues = _profiles.MotherTongue.ToDictionary(p => p.Key, p => Weighted.Of(p.Value, $"profiles.motherTongue.{p.Key}"), StringComparer.Ordinal);
        _russian = _profiles.RussianLevels.ByCitizenship.ToDictionary(p => p.Key, p => Weighted.Of(p.Value, $"profiles.russianLevels.{p.Key}"), StringComparer.Ordinal);
        _otherLanguages = _profiles.OtherLanguages.Select(l => (l, Weighted.Of(l.Levels, $"profiles.otherLanguages.{l.Code}"))).ToList();
        _hostLanguages = homeCountries.Distinct(StringComparer.Ordinal).ToDictionary(
            c => c, c => reference.Countries.FindRegional(c)?.Languages.FirstOrDefault() ?? "", StringComparer.Ordinal);
    }

    public Profile[] Generate(Randomizer random, DemoCentre centre, int count, DateOnly today)
    {
        var initials = new Initials(_settings.Names, random);
        var profiles = new Profile[count];
        for (var i = 0; i < count; i++)
        {
            profiles[i] = Next(random, initials, centre, i + 1, today);
        }

        return profiles;
    }

    private Profile Next(Randomizer random, Initials initials, DemoCentre centre, int number, DateOnly today)
    {
        var refugee = random.Chance(_profiles.RefugeeShare.GetValueOrDefault(centre.Country));
        var citizenship = refugee ? _refugeeCitizenships.Next(random) : centre.Country;
        var status = refugee ? PersonStatus.Refugee : PersonStatus.ReturningMigrant;
        var male = random.Chance(_profiles.MaleShare.GetValueOrDefault(refugee ? "refugee" : "returningMigrant", 0.5));
        var displayName = initials.Next(citizenship, male);
        var home = _places.Next(random, centre.Country);
        var fled = refugee ? new[] { citizenship } : [];
        var repatriation = refugee && random.Chance(_profiles.Refugees.VoluntaryRepatriationShare);
        var bans = Bans(random, refugee, citizenship, today);
        var occupations = Occupations(random);
        return new Profile
        {
            ExternalRef = string.Create(CultureInfo.InvariantCulture, $"{centre.Key}-{today.Year}-{number:D6}"),
            DisplayName = displayName,
            Citizenship = citizenship,
            Status = status,
            FledCountries = fled,
            VoluntaryRepatriation = repatriation,
            Home = home,
            Bans = bans,
            Occupations = occupations,
            Skills = Skills(random, occupations),
            Licences = Licences(random, occupations),
            Languages = Languages(random, refugee, citizenship, centre.Country),
            AvailableFrom = random.Chance(_profiles.AvailableFrom.Share) ? today.AddDays(random.In(_profiles.AvailableFrom.DaysFromToday)) : null,
            Relocation = Relocation(random, home.Country, repatriation ? [] : fled),
            MinMonthlyWage = MinimumWage(random, home.Country),
            Consent = new Consent { DataProcessing = true, GivenOn = today.AddDays(-random.In(_profiles.ConsentDaysAgo)) },
        };
    }

    private EntryBan[] Bans(Randomizer random, bool refugee, string citizenship, DateOnly today)
    {
        if (refugee)
        {
            return random.Chance(_profiles.Refugees.BanShare) ? [Ban(random, _refugeeBanIssuers.Next(random), today)] : [];
        }

        return random.Chance(_profiles.Returnees.BanShare) && _banIssuers.TryGetValue(citizenship, out var issuers)
            ? [Ban(random, issuers.Next(random), today)]
            : [];
    }

    /// <summary>Open-ended, already ended, or in force for a term of whole years that started in the past.</summary>
    private EntryBan Ban(Randomizer random, string issuer, DateOnly today)
    {
        var bans = _profiles.Bans;
        var kind = random.Double();
        var years = int.Parse(_banYears.Next(random), CultureInfo.InvariantCulture);
        if (kind < bans.OpenEndedShare)
        {
            return new EntryBan { Country = issuer, From = today.AddDays(-random.In(bans.OpenEndedFromDaysAgo)) };
        }

        if (kind < bans.OpenEndedShare + bans.ExpiredShare)
        {
            // Counted back from the day it ended, then forward again, so the term is whole years even from 29 February.
            var started = today.AddDays(-random.In(bans.ExpiredDaysAgo)).AddYears(-years);
            return new EntryBan { Country = issuer, From = started, Until = started.AddYears(years) };
        }

        // Started at most years × 365 − 1 days ago: AddYears adds at least that many days, so it ends after today.
        var from = today.AddDays(-random.Number(0, years * 365 - 1));
        return new EntryBan { Country = issuer, From = from, Until = from.AddYears(years) };
    }

    private OccupationExperience[] Occupations(Randomizer random)
    {
        var first = new OccupationExperience { Isco = _occupations.Next(random), Years = random.In(_profiles.OccupationYears) };
        if (!random.Chance(_profiles.SecondOccupationShare))
        {
            return [first];
        }

        var second = random.Distinct(_occupations, 1, [first.Isco]);
        return second.Count == 0 ? [first] : [first, new OccupationExperience { Isco = second[0], Years = random.In(_profiles.SecondOccupationYears) }];
    }

    private List<string> Skills(Randomizer random, OccupationExperience[] occupations)
    {
        var skills = new List<string>();
        foreach (var occupation in occupations)
        {
            var vocabulary = _settings.Skills[occupation.Isco];
            skills.AddRange(random.Distinct(vocabulary, random.In(_profiles.SkillsPerOccupation)).Where(s => !skills.Contains(s)));
        }

        return skills;
    }

    private List<string> Licences(Randomizer random, OccupationExperience[] occupations)
    {
        var licences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var occupation in occupations)
        {
            if (_profiles.Licences.ByIsco.TryGetValue(occupation.Isco, out var byIsco))
            {
                AddLicences(random, byIsco, licences);
            }
        }

        AddLicences(random, _profiles.Licences.Anyone, licences);
        return [.. licences];
    }

    private static void AddLicences(Randomizer random, Dictionary<string, double> shares, SortedSet<string> licences)
    {
        foreach (var (licence, share) in shares.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (random.Chance(share))
            {
                licences.Add(licence);
            }
        }
    }

    private List<LanguageSkill> Languages(Randomizer random, bool refugee, string citizenship, string hostCountry)
    {
        var languages = new List<LanguageSkill>();
        if (_motherTongues.TryGetValue(citizenship, out var motherTongue))
        {
            Add(languages, motherTongue.Next(random), nameof(CefrLevel.C2));
        }

        var russian = refugee ? _russianForRefugees : _russian.GetValueOrDefault(citizenship);
        if (russian?.Next(random) is { } level and not NoLanguage)
        {
            Add(languages, "ru", level);
        }

        if (refugee && random.Chance(_profiles.Refugees.HostLanguageShare))
        {
            Add(languages, _hostLanguages[hostCountry], _hostLanguageLevels.Next(random));
        }

        foreach (var (rule, levels) in _otherLanguages)
        {
            if ((rule.Citizenships is not { Count: > 0 } only || only.Contains(citizenship)) && random.Chance(rule.Share))
            {
                Add(languages, rule.Code, levels.Next(random));
            }
        }

        return languages;
    }

    /// <summary>Adds a language the person does not list yet: the first entry of a language (the mother tongue at C2 comes first) stands.</summary>
    private static void Add(List<LanguageSkill> languages, string code, string level)
    {
        if (code.Length > 0 && !languages.Exists(l => l.Code == code))
        {
            languages.Add(new LanguageSkill { Code = code, Level = level });
        }
    }

    private Relocation Relocation(Randomizer random, string home, string[] excluded)
    {
        var relocation = _profiles.Relocation;
        if (!random.Chance(relocation.WillingShare))
        {
            return new Relocation();
        }

        var countries = random.Chance(relocation.SpecificCountriesShare)
            ? random.Distinct(_relocationCountries, random.In(relocation.CountriesListed), [home, .. excluded])
            : [];
        return new Relocation { Willing = true, Countries = countries };
    }

    private Money? MinimumWage(Randomizer random, string home) =>
        random.Chance(_profiles.MinMonthlyWage.Share) && _profiles.MinMonthlyWage.ByHomeCountry.TryGetValue(home, out var range)
            ? new Money { Amount = random.Amount(range), Currency = range.Currency }
            : null;
}
