using CsCheck;
using Reintegration.Domain;
using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

/// <summary>Random profiles and openings over a small world, so that rules and fields collide often.</summary>
internal static class Gens
{
    public static readonly string[] Iscos = ["7212", "7213", "7221", "7231", "7112", "7115", "9313", "8322", "5120"];
    public static readonly string[] Skills = ["mig welding", "tig welding", "blueprint reading", "forklift", "masonry", "cooking"];
    public static readonly string[] Licences = ["driving:B", "driving:C"];
    public static readonly (string Country, string City)[] Places =
        [("TJ", "Dushanbe"), ("TJ", "Khujand"), ("TJ", "Kulob"), ("KZ", "Almaty"), ("KZ", "Shymkent"), ("KG", "Bishkek"), ("KG", "Osh"),
         ("RU", "Moscow"), ("BY", "Minsk"), ("AF", "Kabul"), ("UZ", "Tashkent"), ("TR", "Istanbul")];
    public static readonly string[] BanIssuers = ["RU", "BY", "KZ", "TR"];
    public static readonly string[] Levels = ["A1", "A2", "B1", "B2", "C1", "C2"];
    public static readonly string[] LanguageCodes = ["ru", "en", "tg"];

    private static readonly DateOnly Today = Samples.Today;

    public static Gen<DateOnly> Day(int from, int to) => Gen.Int[from, to].Select(d => Today.AddDays(d));

    /// <summary>
    /// A ban that began long ago, began lately, or begins only in the future (then openings starting before
    /// its first day are not barred); a third have no end, a few no recorded start.
    /// </summary>
    public static readonly Gen<EntryBan> Ban =
        from issuer in Gen.OneOf(BanIssuers)
        from start in Gen.Int[0, 9].SelectMany(i => i == 0 ? Gen.Const((int?)null) : Gen.Int[-1500, 400].Select(d => (int?)d))
        from length in Gen.Int[0, 1800]
        from openEnded in Gen.Int[0, 2].Select(i => i == 0)
        select new EntryBan
        {
            Country = issuer,
            From = start is { } f ? Today.AddDays(f) : null,
            Until = openEnded ? null : Today.AddDays((start ?? -800) + length),
        };

    public static readonly Gen<Profile> Profile =
        from isRefugee in Gen.Int[0, 4].Select(i => i == 0)
        from home in Gen.OneOf(Places[..7])
        from occupations in Gen.Select(Gen.OneOf(Iscos), Gen.Int[0, 25]).Array[1, 3]
        from skills in Gen.OneOf(Skills).Array[0, 4]
        from licences in Gen.OneOf(Licences).Array[0, 2]
        from russian in Gen.OneOf(Levels)
        from others in Gen.Select(Gen.OneOf(LanguageCodes[1..]), Gen.OneOf(Levels)).Array[0, 2]
        from bans in Ban.Array[0, 2]
        from willing in Gen.Bool
        from countries in Gen.OneOf("KZ", "KG", "RU", "TR", "UZ", "AF").Array[0, 2]
        from available in Gen.Int[-30, 200]
        from minWage in Gen.Int[0, 3].SelectMany(i => i == 0 ? Gen.Const((Money?)null) : Gen.Int[500, 9000].Select(a => (Money?)new Money { Amount = a, Currency = "TJS" }))
        from repatriation in Gen.Int[0, 3].Select(i => i == 0)
        select Samples.Profile() with
        {
            Status = isRefugee ? PersonStatus.Refugee : PersonStatus.ReturningMigrant,
            Citizenship = isRefugee ? "AF" : home.Country,
            FledCountries = isRefugee ? ["AF"] : [],
            VoluntaryRepatriation = isRefugee && repatriation,
            Home = new Location { Country = home.Country, City = home.City },
            Occupations = occupations.DistinctBy(o => o.Item1).Select(o => new OccupationExperience { Isco = o.Item1, Years = o.Item2 }).ToList(),
            Skills = skills.Distinct().ToList(),
            Licences = licences.Distinct().ToList(),
            Languages = [new LanguageSkill { Code = "ru", Level = russian }, .. others.DistinctBy(l => l.Item1).Select(l => new LanguageSkill { Code = l.Item1, Level = l.Item2 })],
            Bans = isRefugee ? [] : [.. bans],
            Relocation = new Relocation { Willing = willing, Countries = countries.Distinct().ToList() },
            AvailableFrom = Today.AddDays(available),
            MinMonthlyWage = minWage,
        };

    public static readonly Gen<OpeningListing> Opening =
        from place in Gen.OneOf(Places)
        from isco in Gen.OneOf(Iscos)
        from positions in Gen.Int[1, 4]
        from filled in Gen.Int[0, 4]
        from skills in Gen.OneOf(Skills).Array[0, 3]
        from licences in Gen.OneOf(Licences).Array[0, 1]
        from languages in Gen.Select(Gen.OneOf(LanguageCodes), Gen.OneOf(Levels)).Array[0, 3]
        from minYears in Gen.Int[0, 8]
        from wage in Gen.Int[0, 3].SelectMany(i => i == 0 ? Gen.Const((WageRange?)null) : Gen.Int[100, 5000].Select(a => (WageRange?)new WageRange { Min = a, Max = a * 2, Currency = "USD" }))
        from start in Gen.Int[-60, 400]
        from expires in Gen.Int[-10, 120]
        from accepts in Gen.Int[0, 4].Select(i => i != 0)
        from sponsor in Gen.Bool
        select new OpeningListing("", Samples.Opening() with
        {
            Isco = isco,
            Location = new Location { Country = place.Country, City = place.City },
            Positions = positions,
            Skills = skills.Distinct().ToList(),
            Licences = licences.Distinct().ToList(),
            Languages = [.. languages.DistinctBy(l => l.Item1).Select(l => new LanguageSkill { Code = l.Item1, Level = l.Item2 })],
            MinYears = minYears,
            MonthlyWage = wage,
            StartDate = Today.AddDays(start),
            ExpiresOn = Today.AddDays(expires),
            AcceptsRefugees = accepts,
            PermitSponsorship = sponsor,
        }, Math.Min(filled, positions + 1));

    /// <summary>Openings with ids o-0000, o-0001, … in the order generated.</summary>
    public static Gen<OpeningListing[]> Openings(int min, int max) =>
        Opening.Array[min, max].Select(openings => openings.Select((o, i) => o with { Id = $"o-{i:0000}", Opening = o.Opening with { ExternalRef = $"o-{i:0000}" } }).ToArray());

    /// <summary>A person and an opening; one opening in six at the person's very home, where its location scores the most its tier allows.</summary>
    public static readonly Gen<(Profile Person, OpeningListing Opening)> PersonAndOpening =
        from person in Profile
        from opening in Opening
        from sameCity in SameCity
        select (person, sameCity ? AtHomeOf(person, opening) : opening);

    /// <summary>A person and openings as <see cref="Openings"/> gives them, one in six at the person's very home.</summary>
    public static Gen<(Profile Person, OpeningListing[] Openings)> PersonAndOpenings(int min, int max) =>
        from person in Profile
        from openings in Openings(min, max)
        from sameCity in SameCity.Array[max]
        select (person, openings.Select((o, i) => sameCity[i] ? AtHomeOf(person, o) : o).ToArray());

    private static Gen<bool> SameCity => Gen.Int[0, 5].Select(i => i == 0);

    private static OpeningListing AtHomeOf(Profile person, OpeningListing opening) =>
        opening with { Opening = opening.Opening with { Location = person.Home } };
}
