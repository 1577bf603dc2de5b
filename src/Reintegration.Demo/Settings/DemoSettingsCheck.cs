using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Reference;

namespace Reintegration.Demo.Settings;

/// <summary>
/// Checks demo.json and demo-titles.csv against the reference data before anything is generated, so a
/// typo in the settings fails loudly with its place named, never as odd data.
/// </summary>
internal static class DemoSettingsCheck
{
    public static void Check(DemoSettings settings, IReadOnlyDictionary<string, string[]> titles, ReferenceData reference)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        void Share(double share, string path) => Require(share is >= 0 and <= 1, $"{path} must be a share in [0, 1].");
        void Iso(string code, string path) => Require(reference.Countries.IsIsoCode(code), $"{path}: '{code}' is not an ISO 3166-1 code.");
        void Language(string code, string path) => Require(reference.Languages.Find(code) is not null, $"{path}: '{code}' is not an ISO 639-1 code.");
        void Levels(IEnumerable<string> levels, string path)
        {
            foreach (var level in levels)
            {
                Require(level == "none" || Cefr.TryParse(level, out _), $"{path}: '{level}' is not a CEFR level.");
            }
        }

        void Amounts(IReadOnlyDictionary<string, AmountRange> ranges, string path)
        {
            foreach (var (country, range) in ranges)
            {
                Require(reference.Currencies.Find(range.Currency) is not null, $"{path}.{country}: unknown currency '{range.Currency}'.");
                Require(range.Min >= 0 && range.Min <= range.Max && range.Step > 0, $"{path}.{country}: needs 0 <= min <= max and step > 0.");
            }
        }

        var profiles = settings.Profiles;
        var openings = settings.Openings;
        Require(settings.Centres.Count > 0, "centres: at least one centre is needed.");
        Require(settings.Centres.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == settings.Centres.Count, "centres: keys must be unique.");
        foreach (var centre in settings.Centres)
        {
            var path = $"centres.{centre.Key}";
            Require(centre.Key.Length > 0 && centre.Name.Length > 0, $"{path}: key and name are required.");
            Require(reference.Places.Find(centre.Country, centre.City) is not null, $"{path}: '{centre.City}, {centre.Country}' is not in seeds/places.csv.");
            Require(Words.IsSupported(centre.Language), $"{path}: language must be {Words.CodesInProse}.");
            Require(profiles.MotherTongue.ContainsKey(centre.Country), $"profiles.motherTongue has no entry for {centre.Country}.");
            Require(profiles.Returnees.BanIssuers.ContainsKey(centre.Country), $"profiles.returnees.banIssuers has no entry for {centre.Country}.");
            Require(profiles.MinMonthlyWage.ByHomeCountry.ContainsKey(centre.Country), $"profiles.minMonthlyWage has no range for {centre.Country}.");
        }

        foreach (var (isco, _) in settings.Occupations)
        {
            Require(reference.Occupations.IsUnitGroup(isco), $"occupations: '{isco}' is not an ISCO-08 unit group.");
            Require(settings.Skills.TryGetValue(isco, out var skills) && skills.Length > 0, $"skills: none for {isco}.");
            Require(titles.TryGetValue(isco, out var names) && names.Length > 0, $"demo-titles.csv: no title for {isco}.");
            Require(settings.Sectors.TryGetValue(isco, out var sector) && openings.Employers.SectorWords.ContainsKey(sector), $"sectors: none (or no sector words) for {isco}.");
        }

        foreach (var (country, _) in openings.Countries)
        {
            Require(reference.Countries.FindRegional(country) is not null && reference.Places.InCountry(country).Any(), $"openings.countries: '{country}' is not a state of the region with places.");
            Require(openings.Wages.ByCountry.ContainsKey(country), $"openings.wages has no range for {country}.");
            Require(openings.Employers.Stems.ContainsKey(country) && openings.Employers.Suffixes.ContainsKey(country), $"openings.employers has no stems or suffixes for {country}.");
        }

        foreach (var (citizenship, _) in profiles.Refugees.Citizenships)
        {
            Require(profiles.MotherTongue.ContainsKey(citizenship), $"profiles.motherTongue has no entry for refugees of {citizenship}.");
        }

        foreach (var code in profiles.Returnees.BanIssuers.Values.SelectMany(v => v.Keys).Concat(profiles.Refugees.BanIssuers.Keys)
            .Concat(profiles.Refugees.Citizenships.Keys).Concat(profiles.Relocation.Countries.Keys))
        {
            Iso(code, "profiles");
        }

        foreach (var code in profiles.MotherTongue.Values.SelectMany(v => v.Keys).Concat(profiles.OtherLanguages.Select(l => l.Code))
            .Concat(openings.Languages.Select(l => l.Code)))
        {
            Language(code, "languages");
        }

        Levels(profiles.RussianLevels.ByCitizenship.Values.SelectMany(v => v.Keys).Concat(profiles.RussianLevels.Refugees.Keys)
            .Concat(profiles.Refugees.HostLanguageLevels.Keys).Concat(profiles.OtherLanguages.SelectMany(l => l.Levels.Keys))
            .Concat(openings.Languages.Select(l => l.Level)), "languages");
        Amounts(profiles.MinMonthlyWage.ByHomeCountry, "profiles.minMonthlyWage");
        Amounts(openings.Wages.ByCountry, "openings.wages");
        Require(profiles.Bans.Years.Keys.All(y => int.TryParse(y, out var n) && n > 0), "profiles.bans.years: keys must be whole years.");
        Require(openings.Positions.Keys.All(p => int.TryParse(p, out var n) && n > 0), "openings.positions: keys must be positive whole numbers.");
        Require(openings.MinYears.Keys.All(y => int.TryParse(y, out var n) && n >= 0), "openings.minYears: keys must be whole numbers.");
        Require(openings.ExpiresOn.DaysFromToday.Min >= 0, "openings.expiresOn: an opening must not expire before today.");
        Require(profiles.ConsentDaysAgo.Min >= 0, "profiles.consentDaysAgo: consent cannot be given in the future.");
        Require(profiles.Bans.ExpiredDaysAgo.Min >= 1, "profiles.bans.expiredDaysAgo: an expired ban ended at least a day ago.");
        Require(profiles.Bans.OpenEndedShare + profiles.Bans.ExpiredShare <= 1, "profiles.bans: open-ended and expired shares add up to more than 1.");
        foreach (var (share, path) in new[]
        {
            (profiles.Returnees.BanShare, "profiles.returnees.banShare"), (profiles.Refugees.BanShare, "profiles.refugees.banShare"),
            (profiles.Refugees.VoluntaryRepatriationShare, "profiles.refugees.voluntaryRepatriationShare"),
            (profiles.Refugees.HostLanguageShare, "profiles.refugees.hostLanguageShare"), (profiles.Bans.OpenEndedShare, "profiles.bans.openEndedShare"),
            (profiles.Bans.ExpiredShare, "profiles.bans.expiredShare"), (profiles.SecondOccupationShare, "profiles.secondOccupationShare"),
            (profiles.AvailableFrom.Share, "profiles.availableFrom.share"), (profiles.Relocation.WillingShare, "profiles.relocation.willingShare"),
            (profiles.Relocation.SpecificCountriesShare, "profiles.relocation.specificCountriesShare"), (profiles.MinMonthlyWage.Share, "profiles.minMonthlyWage.share"),
            (openings.Wages.Share, "openings.wages.share"), (openings.StartDate.Share, "openings.startDate.share"),
            (openings.AcceptsRefugeesShare, "openings.acceptsRefugeesShare"), (openings.PermitSponsorshipShare.Origin, "openings.permitSponsorshipShare.origin"),
            (openings.PermitSponsorshipShare.Foreign, "openings.permitSponsorshipShare.foreign"), (openings.HousingProvidedShare, "openings.housingProvidedShare"),
        })
        {
            Share(share, path);
        }

        foreach (var (country, share) in profiles.RefugeeShare.Concat(profiles.MaleShare))
        {
            Share(share, $"profiles (share for {country})");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("seeds/demo.json or seeds/demo-titles.csv is inconsistent:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }
}
