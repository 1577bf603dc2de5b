using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

/// <summary>
/// Every bound of the validators from both sides: the last value accepted, and the first refused, with the
/// one path it is refused at.
/// </summary>
public sealed class BoundaryTests
{
    private static readonly ProfileValidator Profiles = new(ReferenceData.Shared);
    private static readonly OpeningValidator Openings = new(ReferenceData.Shared);

    private static readonly string[] UnitGroups =
        ReferenceData.Shared.Occupations.All.Where(o => o.Level == Occupation.UnitGroupLevel).Select(o => o.Code).ToArray();

    private static readonly string[] Fifty = Enumerable.Range(0, 50).Select(i => $"item {i}").ToArray();

    public static TheoryData<string, Func<Profile, Profile>> ProfilesAtTheBound => new()
    {
        { "latitude 90 and longitude 180", p => p with { Home = p.Home with { Lat = 90, Lon = 180 } } },
        { "latitude -90 and longitude -180", p => p with { Home = p.Home with { Lat = -90, Lon = -180 } } },
        { "an unknown city with coordinates", p => p with { Home = new Location { Country = "TJ", City = "Atlantis", Lat = 40.3, Lon = 69.6 } } },
        { "0 years", p => p with { Occupations = [new OccupationExperience { Isco = "7212", Years = 0 }] } },
        { "70 years", p => p with { Occupations = [new OccupationExperience { Isco = "7212", Years = 70 }] } },
        { "two different occupations", p => p with { Occupations = [new() { Isco = "7212", Years = 1 }, new() { Isco = "7213", Years = 2 }] } },
        { "50 occupations", p => p with { Occupations = UnitGroups.Take(50).Select(c => new OccupationExperience { Isco = c, Years = 1 }).ToList() } },
        { "a display name of 200 characters", p => p with { DisplayName = new string('a', 200) } },
        { "an external reference of 100 characters", p => p with { ExternalRef = new string('a', 100) } },
        { "a licence of 100 characters", p => p with { Licences = [new string('c', 100)] } },
        { "a skill of 200 characters", p => p with { Skills = [new string('s', 200)] } },
        { "50 skills", p => p with { Skills = [.. Fifty] } },
        { "50 bans", p => p with { Bans = Enumerable.Range(0, 50).Select(_ => new EntryBan { Country = "RU" }).ToList() } },
        { "a ban ending the day it starts", p => p with { Bans = [new EntryBan { Country = "RU", From = new(2026, 1, 1), Until = new(2026, 1, 1) }] } },
        { "a minimum wage of 0", p => p with { MinMonthlyWage = new Money { Amount = 0, Currency = "TJS" } } },
        { "a minimum wage of 10^12", p => p with { MinMonthlyWage = new Money { Amount = Limits.MaxMonthlyAmount, Currency = "TJS" } } },
        { "consent given today", p => p with { Consent = p.Consent with { GivenOn = Samples.Today } } },
        { "no minimum wage", p => p with { MinMonthlyWage = null } },
        { "two different languages", p => p with { Languages = [new() { Code = "ru", Level = "A1" }, new() { Code = "tg", Level = "C2" }] } },
        { "50 relocation countries", p => p with { Relocation = new Relocation { Willing = true, Countries = [.. Enumerable.Repeat("KZ", 50)] } } },
        { "characters just outside the text-direction ranges", p => p with { DisplayName = "a\u2029b\u202Fc\u2065d\u206Ae" } },
    };

    public static TheoryData<string, Func<Profile, Profile>, string> ProfilesPastTheBound => new()
    {
        { "latitude under -90", p => p with { Home = p.Home with { Lat = -90.001, Lon = 69 } }, "home.lat" },
        { "latitude over 90", p => p with { Home = p.Home with { Lat = 90.001, Lon = 69 } }, "home.lat" },
        { "longitude over 180", p => p with { Home = p.Home with { Lat = 40, Lon = 180.001 } }, "home.lon" },
        { "longitude without latitude", p => p with { Home = p.Home with { Lat = null, Lon = 69 } }, "home.lat" },
        { "71 years", p => p with { Occupations = [new OccupationExperience { Isco = "7212", Years = 71 }] }, "occupations[0].years" },
        { "51 occupations", p => p with { Occupations = UnitGroups.Take(51).Select(c => new OccupationExperience { Isco = c, Years = 1 }).ToList() }, "occupations" },
        { "a missing occupation", p => p with { Occupations = [p.Occupations[0], null!] }, "occupations[1]" },
        { "an occupation without a code", p => p with { Occupations = [new OccupationExperience { Isco = "", Years = 1 }] }, "occupations[0].isco" },
        { "a skill of 201 characters", p => p with { Skills = [new string('s', 201)] }, "skills[0]" },
        { "51 bans", p => p with { Bans = Enumerable.Range(0, 51).Select(_ => new EntryBan { Country = "RU" }).ToList() }, "bans" },
        { "a missing ban", p => p with { Bans = [null!] }, "bans[0]" },
        { "a ban without a country", p => p with { Bans = [new EntryBan { Country = "" }] }, "bans[0].country" },
        { "a minimum wage over 10^12", p => p with { MinMonthlyWage = new Money { Amount = Limits.MaxMonthlyAmount + 1, Currency = "TJS" } }, "minMonthlyWage.amount" },
        { "a minimum wage without a currency", p => p with { MinMonthlyWage = new Money { Amount = 1, Currency = "" } }, "minMonthlyWage.currency" },
        { "51 languages", p => p with { Languages = Enumerable.Range(0, 51).Select(_ => new LanguageSkill { Code = "ru", Level = "B1" }).ToList() }, "languages" },
        { "a missing language", p => p with { Languages = [null!] }, "languages[0]" },
        { "a language without a code", p => p with { Languages = [new LanguageSkill { Code = "", Level = "B1" }] }, "languages[0].code" },
        { "the same language twice", p => p with { Languages = [new() { Code = "ru", Level = "A1" }, new() { Code = "ru", Level = "B1" }] }, "languages[1].code" },
        { "51 relocation countries", p => p with { Relocation = new Relocation { Willing = true, Countries = [.. Enumerable.Repeat("KZ", 51)] } }, "relocation.countries" },
        { "a left-to-right embedding (U+202A)", p => p with { DisplayName = "a\u202Ab" }, "displayName" },
        { "a right-to-left override (U+202E)", p => p with { DisplayName = "a\u202Eb" }, "displayName" },
        { "a left-to-right isolate (U+2066)", p => p with { DisplayName = "a\u2066b" }, "displayName" },
        { "a pop directional isolate (U+2069)", p => p with { DisplayName = "a\u2069b" }, "displayName" },
        { "a tab", p => p with { DisplayName = "a\tb" }, "displayName" },
        { "a city in an unknown country", p => p with { Home = new Location { Country = "QQ", City = "Atlantis" } }, "home.country" },
    };

    [Theory]
    [MemberData(nameof(ProfilesAtTheBound))]
    public void Profile_AtTheBound_IsAccepted(string what, Func<Profile, Profile> change)
    {
        var errors = Profiles.Validate(change(Samples.Profile()), Samples.Today);

        Assert.True(errors.IsEmpty, $"{what}: {string.Join(", ", errors.ToDictionary().Keys)}");
    }

    [Theory]
    [MemberData(nameof(ProfilesPastTheBound))]
    public void Profile_PastTheBound_IsRefusedAtThatPathAlone(string what, Func<Profile, Profile> change, string path)
    {
        var errors = Profiles.Validate(change(Samples.Profile()), Samples.Today).ToDictionary();

        Assert.True(errors.Keys.SequenceEqual([path]), $"{what}: expected only '{path}', got {string.Join(", ", errors.Keys)}");
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    public static TheoryData<string, Func<Opening, Opening>> OpeningsAtTheBound => new()
    {
        { "1 position", o => o with { Positions = 1 } },
        { "10,000 positions", o => o with { Positions = Limits.MaxPositions } },
        { "0 minimum years", o => o with { MinYears = 0 } },
        { "70 minimum years", o => o with { MinYears = Limits.MaxYears } },
        { "a fixed wage (minimum equals maximum)", o => o with { MonthlyWage = o.MonthlyWage! with { Min = 5000, Max = 5000 } } },
        { "a wage from 0", o => o with { MonthlyWage = o.MonthlyWage! with { Min = 0, Max = 0 } } },
        { "a wage up to 10^12", o => o with { MonthlyWage = o.MonthlyWage! with { Min = Limits.MaxMonthlyAmount, Max = Limits.MaxMonthlyAmount } } },
        { "a title of 200 characters", o => o with { Title = new string('t', 200) } },
        { "50 skills", o => o with { Skills = [.. Fifty] } },
        { "expiring today", o => o with { ExpiresOn = Samples.Today } },
    };

    public static TheoryData<string, Func<Opening, Opening>, string> OpeningsPastTheBound => new()
    {
        { "71 minimum years", o => o with { MinYears = Limits.MaxYears + 1 }, "minYears" },
        { "a maximum wage over 10^12", o => o with { MonthlyWage = o.MonthlyWage! with { Max = Limits.MaxMonthlyAmount + 1 } }, "monthlyWage.max" },
        { "a negative maximum wage", o => o with { MonthlyWage = o.MonthlyWage! with { Min = 0, Max = -1 } }, "monthlyWage.max" },
        { "a maximum one below the minimum", o => o with { MonthlyWage = o.MonthlyWage! with { Min = 5000, Max = 4999 } }, "monthlyWage.max" },
        { "a wage without a currency", o => o with { MonthlyWage = o.MonthlyWage! with { Currency = "" } }, "monthlyWage.currency" },
        { "51 skills", o => o with { Skills = [.. Fifty, "one more"] }, "skills" },
        { "a blank title", o => o with { Title = " " }, "title" },
        { "a blank external reference", o => o with { ExternalRef = "" }, "externalRef" },
        { "latitude over 90", o => o with { Location = o.Location with { Lat = 91 } }, "location.lat" },
        { "a licence of 101 characters", o => o with { Licences = [new string('l', 101)] }, "licences[0]" },
    };

    [Theory]
    [MemberData(nameof(OpeningsAtTheBound))]
    public void Opening_AtTheBound_IsAccepted(string what, Func<Opening, Opening> change)
    {
        var errors = Openings.Validate(change(Samples.Opening()), Samples.Today, byCentre: true);

        Assert.True(errors.IsEmpty, $"{what}: {string.Join(", ", errors.ToDictionary().Keys)}");
    }

    [Theory]
    [MemberData(nameof(OpeningsPastTheBound))]
    public void Opening_PastTheBound_IsRefusedAtThatPathAlone(string what, Func<Opening, Opening> change, string path)
    {
        var errors = Openings.Validate(change(Samples.Opening()), Samples.Today, byCentre: true).ToDictionary();

        Assert.True(errors.Keys.SequenceEqual([path]), $"{what}: expected only '{path}', got {string.Join(", ", errors.Keys)}");
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Opening_WageOver10To12_IsRefusedAtBothEnds()
    {
        var over = Limits.MaxMonthlyAmount + 1;
        var opening = Samples.Opening() with { MonthlyWage = Samples.Opening().MonthlyWage! with { Min = over, Max = over } };

        Assert.Equal(["monthlyWage.max", "monthlyWage.min"], Openings.Validate(opening, Samples.Today, byCentre: true).ToDictionary().Keys);
    }

    [Fact]
    public void Opening_ContactsByTheAdmin_AreAccepted() =>
        Assert.True(Openings.Validate(Samples.Opening() with { Title = "Welder, call +998 90 123 45 67" }, Samples.Today, byCentre: false).IsEmpty);

    [Fact]
    public void Opening_Null_IsReportedAtTheRoot()
    {
        var errors = Openings.Validate(null, Samples.Today, byCentre: true).ToDictionary();

        Assert.Equal(["$"], errors.Keys);
        Assert.Equal(["An opening object is required."], errors["$"]);
    }

    [Fact]
    public void Profile_Null_IsReportedAtTheRoot()
    {
        var errors = Profiles.Validate(null, Samples.Today).ToDictionary();

        Assert.Equal(["$"], errors.Keys);
        Assert.Equal(["A profile object is required."], errors["$"]);
    }

    [Fact]
    public void Profile_WhitespaceOnlyText_IsRequired_OnceAndNothingMore() =>
        Assert.Equal(["Required."], Profiles.Validate(Samples.Profile() with { DisplayName = "\t" }, Samples.Today).ToDictionary()["displayName"]);

    [Fact]
    public void Profile_TwoOccupationsWithoutCode_AreEachRequired_NotListedTwice()
    {
        var profile = Samples.Profile() with { Occupations = [new OccupationExperience { Isco = "", Years = 1 }, new OccupationExperience { Isco = "", Years = 1 }] };

        var errors = Profiles.Validate(profile, Samples.Today).ToDictionary();

        Assert.Equal(["occupations[0].isco", "occupations[1].isco"], errors.Keys);
        Assert.Single(errors["occupations[1].isco"]);
    }

    [Theory]
    [InlineData(20, "Unknown country 'QQQQQQQQQQQQQQQQQQQQ': expected an ISO 3166-1 alpha-2 code, such as TJ.")]
    [InlineData(21, "Unknown country 'QQQQQQQQQQQQQQQQQQQQ…': expected an ISO 3166-1 alpha-2 code, such as TJ.")]
    public void Profile_UnknownCode_IsEchoedWhole_UpTo20Characters(int length, string expected) =>
        Assert.Equal([expected], Profiles.Validate(Samples.Profile() with { Citizenship = new string('Q', length) }, Samples.Today).ToDictionary()["citizenship"]);

    [Fact]
    public void Profile_BanEndingBeforeItStarts_SaysBothDays() =>
        Assert.Equal(
            ["The ban ends (2025-01-01) before it starts (2026-01-01)."],
            Profiles.Validate(Samples.Profile() with { Bans = [new EntryBan { Country = "RU", From = new(2026, 1, 1), Until = new(2025, 1, 1) }] }, Samples.Today)
                .ToDictionary()["bans[0].until"]);

    [Fact]
    public void Profile_FiftyOneOccupations_AreCountedNotChecked()
    {
        var errors = Profiles.Validate(
            Samples.Profile() with { Occupations = [.. UnitGroups.Take(51).Select(c => new OccupationExperience { Isco = c, Years = 99 })] }, Samples.Today).ToDictionary();

        Assert.Equal(["occupations"], errors.Keys);
        Assert.Equal(["At most 50 items."], errors["occupations"]);
    }

    [Fact]
    public void Profile_NoOccupation_IsRequired_OnceAndNothingMore() =>
        Assert.Equal(
            ["At least one ISCO-08 unit group is required."],
            Profiles.Validate(Samples.Profile() with { Occupations = [] }, Samples.Today).ToDictionary()["occupations"]);
}
