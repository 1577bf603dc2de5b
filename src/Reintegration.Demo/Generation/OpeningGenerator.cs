using System.Globalization;
using Bogus;
using Reintegration.Demo.Sampling;
using Reintegration.Demo.Settings;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Demo.Generation;

/// <summary>Openings across the region's states, per demo.json, with ESCO job titles from demo-titles.csv.</summary>
internal sealed class OpeningGenerator
{
    private readonly DemoSettings _settings;
    private readonly OpeningSettings _openings;
    private readonly IReadOnlyDictionary<string, string[]> _titles;
    private readonly PlacePicker _places;
    private readonly Weighted<string> _countries;
    private readonly Weighted<string> _occupations;
    private readonly Weighted<string> _positions;
    private readonly Weighted<string> _minYears;
    private readonly HashSet<string> _originCountries;

    public OpeningGenerator(DemoSettings settings, IReadOnlyDictionary<string, string[]> titles, ReferenceData reference)
    {
        _settings = settings;
        _openings = settings.Openings;
        _titles = titles;
        _countries = Weighted.Of(_openings.Countries, "openings.countries");
        _places = new PlacePicker(reference, _countries.Items);
        _occupations = Weighted.Of(settings.Occupations, "occupations");
        _positions = Weighted.Of(_openings.Positions, "openings.positions");
        _minYears = Weighted.Of(_openings.MinYears, "openings.minYears");
        _originCountries = settings.Centres.Select(c => c.Country).ToHashSet(StringComparer.Ordinal);
    }

    public Opening[] Generate(Randomizer random, int count, DateOnly today)
    {
        var openings = new Opening[count];
        for (var i = 0; i < count; i++)
        {
            openings[i] = Next(random, i + 1, today);
        }

        return openings;
    }

    private Opening Next(Randomizer random, int number, DateOnly today)
    {
        var country = _countries.Next(random);
        var isco = _occupations.Next(random);
        return new Opening
        {
            ExternalRef = string.Create(CultureInfo.InvariantCulture, $"DEMO-{country}-{number:D6}"),
            Employer = Employer(random, country, isco),
            Title = Capitalised(random.ArrayElement(_titles[isco])),
            Isco = isco,
            Location = _places.Next(random, country),
            Positions = int.Parse(_positions.Next(random), CultureInfo.InvariantCulture),
            Skills = random.Distinct(_settings.Skills[isco], random.In(_openings.SkillsRequired)),
            Licences = Licences(random, isco),
            Languages = Languages(random, country, isco),
            MinYears = int.Parse(_minYears.Next(random), CultureInfo.InvariantCulture),
            MonthlyWage = Wage(random, country),
            StartDate = random.Chance(_openings.StartDate.Share) ? today.AddDays(random.In(_openings.StartDate.DaysFromToday)) : null,
            ExpiresOn = today.AddDays(random.In(_openings.ExpiresOn.DaysFromToday)),
            AcceptsRefugees = random.Chance(_openings.AcceptsRefugeesShare),
            PermitSponsorship = random.Chance(_originCountries.Contains(country)
                ? _openings.PermitSponsorshipShare.Origin
                : _openings.PermitSponsorshipShare.Foreign),
            HousingProvided = random.Chance(_openings.HousingProvidedShare),
        };
    }

    private string Employer(Randomizer random, string country, string isco)
    {
        var employers = _openings.Employers;
        var stem = random.ArrayElement(employers.Stems[country]);
        var sector = random.ArrayElement(employers.SectorWords[_settings.Sectors[isco]]);
        var suffix = random.ArrayElement(employers.Suffixes[country]);
        return $"{stem} {sector} {suffix}";
    }

    private static string Capitalised(string title) =>
        title.Length == 0 ? title : string.Concat(title[..1].ToUpperInvariant(), title.AsSpan(1));

    private List<string> Licences(Randomizer random, string isco)
    {
        var licences = new List<string>();
        if (_openings.Licences.TryGetValue(isco, out var shares))
        {
            foreach (var (licence, share) in shares.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (random.Chance(share))
                {
                    licences.Add(licence);
                }
            }
        }

        return licences;
    }

    private List<LanguageSkill> Languages(Randomizer random, string country, string isco)
    {
        var languages = new List<LanguageSkill>();
        foreach (var rule in _openings.Languages)
        {
            if ((rule.Countries is not { Count: > 0 } countries || countries.Contains(country))
                && (rule.Iscos is not { Count: > 0 } iscos || iscos.Contains(isco))
                && random.Chance(rule.Share)
                && !languages.Exists(l => l.Code == rule.Code))
            {
                languages.Add(new LanguageSkill { Code = rule.Code, Level = rule.Level });
            }
        }

        return languages;
    }

    private WageRange? Wage(Randomizer random, string country)
    {
        if (!random.Chance(_openings.Wages.Share) || !_openings.Wages.ByCountry.TryGetValue(country, out var range))
        {
            return null;
        }

        var one = random.Amount(range);
        var other = random.Amount(range);
        return new WageRange { Min = Math.Min(one, other), Max = Math.Max(one, other), Currency = range.Currency };
    }
}
