using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Localisation;

/// <summary>
/// People and openings chosen so that, together, they call for every sentence the engine writes:
/// each reason in each of its forms, each exclusion, the way out of a person's field. Wages are in
/// US dollars so that the texts do not move with the seeded exchange rates.
/// </summary>
internal static class Scenes
{
    public sealed record Scene(string Name, Profile Profile, OpeningListing Opening);

    private static readonly Money MinimumWage = new() { Amount = 1000, Currency = "USD" };

    private static Profile Welder(int years = 6) => Build.Welder() with
    {
        Occupations = [new OccupationExperience { Isco = "7212", Years = years }],
        MinMonthlyWage = MinimumWage,
    };

    private static Profile Refugee(string citizenship) => Build.Refugee() with
    {
        Citizenship = citizenship,
        FledCountries = [citizenship],
        MinMonthlyWage = MinimumWage,
    };

    private static OpeningListing Opening(string id, string country, string city, Func<Opening, Opening>? change = null, int filled = 0)
    {
        var opening = Samples.Opening() with
        {
            ExternalRef = id,
            Location = new Location { Country = country, City = city },
            MonthlyWage = new WageRange { Min = 1200, Max = 1500, Currency = "USD" },
            ExpiresOn = new DateOnly(2027, 1, 1),
        };
        return new OpeningListing(id, change is null ? opening : change(opening), filled);
    }

    private static Func<Opening, Opening> Plain(Func<Opening, Opening>? change = null) => o =>
    {
        var plain = o with { Skills = [], Languages = [], MinYears = 0, PermitSponsorship = false };
        return change is null ? plain : change(plain);
    };

    public static IReadOnlyList<Scene> All { get; } =
    [
        // Offered: each reason, in each of its forms.
        new("abroad, everything asked is held, the employer sponsors the permit",
            Welder(years: 22), Opening("kz-welder", "KZ", "Almaty")),
        new("home region, some skills and languages short, below the minimum wage, housing",
            Welder(), Opening("tj-khujand", "TJ", "Khujand", o => o with
            {
                Location = new Location { Country = "TJ", City = "Khujand", Lat = 40.30, Lon = 69.65 },
                Skills = ["mig welding", "tig welding"],
                Licences = ["driving:C"],
                Languages =
                [
                    new LanguageSkill { Code = "tg", Level = "C2" },
                    new LanguageSkill { Code = "ru", Level = "C1" },
                    new LanguageSkill { Code = "uz", Level = "A2" },
                ],
                MinYears = 10,
                MonthlyWage = new WageRange { Min = 800, Max = 800, Currency = "USD" },
                HousingProvided = true,
            })),
        new("home country, a related occupation, no wage stated",
            Welder(years: 1), Opening("tj-dushanbe", "TJ", "Dushanbe", Plain(o => o with { Isco = "7213", MinYears = 1, MonthlyWage = null }))),
        new("same field, free movement, no minimum wage, short of the experience asked",
            Welder(years: 11) with
            {
                Citizenship = "KG", Home = new Location { Country = "KG", City = "Bishkek" }, Bans = [], MinMonthlyWage = null,
            },
            Opening("kz-smith", "KZ", "Almaty", Plain(o => o with { Isco = "7221", MinYears = 21 }))),
        new("a refugee from outside the mobility table, visa and permit sponsored",
            Refugee("SY"), Opening("tj-refugee", "TJ", "Dushanbe", Plain(o => o with { PermitSponsorship = true }))),
        new("a refugee going home by voluntary repatriation",
            Refugee("AF") with { VoluntaryRepatriation = true }, Opening("af-kabul", "AF", "Kabul", Plain())),
        new("two occupations: the related one with ten years is the closer match than the same one with none",
            Welder() with { Occupations = [new() { Isco = "7212", Years = 0 }, new() { Isco = "7213", Years = 10 }] },
            Opening("tj-two-trades", "TJ", "Dushanbe", Plain())),
        new("a wage exactly the minimum",
            Welder(), Opening("kz-wage-equal", "KZ", "Almaty", Plain(o => o with { MonthlyWage = new WageRange { Min = 1000, Max = 1000, Currency = "USD" } }))),
        new("a ban that starts after the job can start",
            Welder() with
            {
                Bans = [.. Build.Welder().Bans, new EntryBan { Country = "KZ", From = new DateOnly(2027, 6, 1), Until = new DateOnly(2028, 6, 1) }],
            },
            Opening("kz-later-ban", "KZ", "Almaty", Plain())),
        new("a ban that has ended by the time the job can start",
            Welder() with
            {
                Bans = [new EntryBan { Country = "RU", From = new DateOnly(2024, 1, 1), Until = new DateOnly(2026, 12, 20) }],
                Relocation = new Relocation { Willing = true },
            },
            Opening("ru-moscow", "RU", "Moscow", Plain(o => o with { Skills = ["tig welding"] }))),

        // Not offered: each hard rule, and an opening outside the person's field.
        new("a ban with an end date covers the country", Welder(), Opening("by-minsk", "BY", "Minsk", Plain())),
        new("a ban without an end date covers the country",
            Welder() with
            {
                Bans = [new EntryBan { Country = "RU", From = new DateOnly(2025, 3, 1) }],
                Relocation = new Relocation { Willing = true },
            },
            Opening("ru-open-ended", "RU", "Moscow", Plain())),
        new("a refugee would be sent back", Refugee("AF"), Opening("af-refoulement", "AF", "Kabul", Plain())),
        new("abroad without consent to move there", Welder(), Opening("uz-tashkent", "UZ", "Tashkent", Plain())),
        new("every position is filled", Welder(), Opening("kz-filled", "KZ", "Almaty", Plain(), filled: 3)),
        new("expired", Welder(), Opening("kz-expired", "KZ", "Almaty", Plain(o => o with { ExpiresOn = new DateOnly(2026, 11, 1) }))),
        new("the employer does not take refugees",
            Refugee("AF"), Opening("tj-no-refugees", "TJ", "Dushanbe", Plain(o => o with { AcceptsRefugees = false }))),
        new("a licence is not held", Welder(), Opening("kz-licence", "KZ", "Almaty", Plain(o => o with { Licences = ["driving:D"] }))),
        new("outside the person's occupational field", Welder(), Opening("kz-cook", "KZ", "Almaty", Plain(o => o with { Isco = "5120", Title = "Cook" }))),
        new("two licences are not held", Welder(), Opening("kz-licences", "KZ", "Almaty", Plain(o => o with { Licences = ["driving:D", "forklift"] }))),
        new("outside both of the person's occupational fields",
            Welder() with { Occupations = [new() { Isco = "7212", Years = 3 }, new() { Isco = "8322", Years = 5 }] },
            Opening("kz-cook-2", "KZ", "Almaty", Plain(o => o with { Isco = "5120", Title = "Cook" }))),
    ];
}
