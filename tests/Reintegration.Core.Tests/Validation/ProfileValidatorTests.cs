using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

public sealed class ProfileValidatorTests
{
    private static readonly ProfileValidator Validator = new(ReferenceData.Shared);

    public static TheoryData<string, Func<Profile, Profile>, string> BadProfiles => new()
    {
        { "unknown citizenship", p => p with { Citizenship = "XX" }, "citizenship" },
        { "status left out (a refugee must not be taken for a returnee)", p => p with { Status = null }, "status" },
        { "missing citizenship", p => p with { Citizenship = "" }, "citizenship" },
        { "home outside the region", p => p with { Home = p.Home with { Country = "AE" } }, "home.country" },
        { "home without city", p => p with { Home = p.Home with { City = " " } }, "home.city" },
        { "latitude over 90", p => p with { Home = p.Home with { Lat = 91 } }, "home.lat" },
        { "longitude under -180", p => p with { Home = p.Home with { Lon = -181 } }, "home.lon" },
        { "latitude without longitude", p => p with { Home = p.Home with { Lon = null } }, "home.lon" },
        { "unknown city and no coordinates", p => p with { Home = new Location { Country = "TJ", City = "Atlantis" } }, "home.city" },
        { "ban ends before it starts", p => p with { Bans = [new EntryBan { Country = "RU", From = new(2026, 1, 1), Until = new(2025, 1, 1) }] }, "bans[0].until" },
        { "ban from an unknown country", p => p with { Bans = [new EntryBan { Country = "ZZ" }] }, "bans[0].country" },
        { "ISCO minor group, not a unit group", p => p with { Occupations = [new OccupationExperience { Isco = "721", Years = 1 }] }, "occupations[0].isco" },
        { "unknown ISCO code", p => p with { Occupations = [new OccupationExperience { Isco = "9999", Years = 1 }] }, "occupations[0].isco" },
        { "no occupation", p => p with { Occupations = [] }, "occupations" },
        { "negative years", p => p with { Occupations = [new OccupationExperience { Isco = "7212", Years = -1 }] }, "occupations[0].years" },
        { "the same occupation twice", p => p with { Occupations = [new OccupationExperience { Isco = "7212", Years = 1 }, new OccupationExperience { Isco = "7212", Years = 2 }] }, "occupations[1].isco" },
        { "CEFR level D1", p => p with { Languages = [new LanguageSkill { Code = "ru", Level = "D1" }] }, "languages[0].level" },
        { "unknown language", p => p with { Languages = [new LanguageSkill { Code = "xx", Level = "B1" }] }, "languages[0].code" },
        { "negative minimum wage", p => p with { MinMonthlyWage = new Money { Amount = -1, Currency = "TJS" } }, "minMonthlyWage.amount" },
        { "unknown currency", p => p with { MinMonthlyWage = new Money { Amount = 1, Currency = "ABC" } }, "minMonthlyWage.currency" },
        { "consent not given", p => p with { Consent = p.Consent with { DataProcessing = false } }, "consent.dataProcessing" },
        { "consent given in the future", p => p with { Consent = p.Consent with { GivenOn = Samples.Today.AddDays(1) } }, "consent.givenOn" },
        { "consent without a date", p => p with { Consent = p.Consent with { GivenOn = null } }, "consent.givenOn" },
        { "empty display name", p => p with { DisplayName = "" }, "displayName" },
        { "blank external reference", p => p with { ExternalRef = "   " }, "externalRef" },
        { "display name over 200 characters", p => p with { DisplayName = new string('a', 201) }, "displayName" },
        { "external reference over 100 characters", p => p with { ExternalRef = new string('a', 101) }, "externalRef" },
        { "51 skills", p => p with { Skills = Enumerable.Range(0, 51).Select(i => $"skill {i}").ToList() }, "skills" },
        { "an empty skill", p => p with { Skills = ["welding", ""] }, "skills[1]" },
        { "a control character", p => p with { DisplayName = "F.\u0007K." }, "displayName" },
        { "a right-to-left override", p => p with { Skills = ["\u202Egnidlew"] }, "skills[0]" },
        { "licence over 100 characters", p => p with { Licences = [new string('c', 101)] }, "licences[0]" },
        { "unknown relocation country", p => p with { Relocation = new Relocation { Willing = true, Countries = ["KZ", "QQ"] } }, "relocation.countries[1]" },
        { "fled countries for a returning migrant", p => p with { FledCountries = ["AF"] }, "fledCountries" },
        { "voluntary repatriation for a returning migrant", p => p with { VoluntaryRepatriation = true }, "voluntaryRepatriation" },
        { "unknown fled country", p => p with { Status = PersonStatus.Refugee, FledCountries = ["A1"] }, "fledCountries[0]" },
    };

    [Fact]
    public void Validate_ApiSampleProfile_HasNoErrors() =>
        Assert.True(Validator.Validate(Samples.Profile(), Samples.Today).IsEmpty);

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public void Validate_BrokenRule_ReportsExactlyThatFieldPath(string rule, Func<Profile, Profile> breakIt, string path)
    {
        var errors = Validator.Validate(breakIt(Samples.Profile()), Samples.Today).ToDictionary();

        Assert.True(errors.Keys.SequenceEqual([path]), $"{rule}: expected only '{path}', got {string.Join(", ", errors.Keys)}");
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Validate_ManyBrokenRules_ReportsEveryOneAtOnce()
    {
        var profile = Samples.Profile() with
        {
            Citizenship = "XX",
            DisplayName = "",
            Bans = [new EntryBan { Country = "RU", From = new(2026, 1, 1), Until = new(2025, 1, 1) }],
            Languages = [new LanguageSkill { Code = "ru", Level = "Z9" }],
            Consent = new Consent { DataProcessing = false, GivenOn = Samples.Today },
        };

        var errors = Validator.Validate(profile, Samples.Today).ToDictionary();

        Assert.Equal(["bans[0].until", "citizenship", "consent.dataProcessing", "displayName", "languages[0].level"], errors.Keys);
    }

    [Fact]
    public void Validate_ArrayItem_PrefixesEveryPathWithItsIndex()
    {
        var profile = Samples.Profile() with { Occupations = [new OccupationExperience { Isco = "7212", Years = 1 }, new OccupationExperience { Isco = "72", Years = 1 }] };

        var errors = Validator.Validate(profile, Samples.Today, "[3].").ToDictionary();

        Assert.Equal(["[3].occupations[1].isco"], errors.Keys);
    }

    [Fact]
    public void Validate_NullProfileInArray_ReportsTheItem() =>
        Assert.Equal(["[2]"], Validator.Validate(null, Samples.Today, "[2].").ToDictionary().Keys);

    [Fact]
    public void Validate_KnownCityWithoutCoordinates_Passes() =>
        Assert.True(Validator.Validate(Samples.Profile() with { Home = new Location { Country = "TJ", City = "Худжанд" } }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_RightToLeftScriptWithoutOverrides_Passes() =>
        Assert.True(Validator.Validate(Samples.Profile() with { DisplayName = "ع. ک." }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_OpenEndedBanAndBanWithoutStart_Pass() =>
        Assert.True(Validator.Validate(Samples.Profile() with { Bans = [new EntryBan { Country = "RU", From = new(2025, 1, 1) }, new EntryBan { Country = "KZ", Until = new(2027, 1, 1) }] }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_RefugeeWithFledCountriesAndRepatriation_Passes() =>
        Assert.True(Validator.Validate(Samples.Profile() with { Status = PersonStatus.Refugee, Citizenship = "AF", FledCountries = ["AF"], VoluntaryRepatriation = true }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_HostileValueInMessage_IsCutShort()
    {
        var errors = Validator.Validate(Samples.Profile() with { Citizenship = new string('Q', 5000) }, Samples.Today).ToDictionary();

        Assert.All(errors["citizenship"], message => Assert.True(message.Length < 200, message));
    }
}
