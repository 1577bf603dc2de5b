using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

public sealed class OpeningValidatorTests
{
    private static readonly OpeningValidator Validator = new(ReferenceData.Shared);

    public static TheoryData<string, Func<Opening, Opening>, string> BadOpenings => new()
    {
        { "expired yesterday", o => o with { ExpiresOn = Samples.Today.AddDays(-1) }, "expiresOn" },
        { "no positions", o => o with { Positions = 0 }, "positions" },
        { "negative positions", o => o with { Positions = -3 }, "positions" },
        { "negative minimum years", o => o with { MinYears = -1 }, "minYears" },
        { "ISCO major group", o => o with { Isco = "7" }, "isco" },
        { "unknown ISCO code", o => o with { Isco = "0000" }, "isco" },
        { "missing ISCO code", o => o with { Isco = "" }, "isco" },
        { "wage maximum under minimum", o => o with { MonthlyWage = o.MonthlyWage! with { Max = 1 } }, "monthlyWage.max" },
        { "negative wage minimum", o => o with { MonthlyWage = o.MonthlyWage! with { Min = -1 } }, "monthlyWage.min" },
        { "unknown wage currency", o => o with { MonthlyWage = o.MonthlyWage! with { Currency = "XYZ" } }, "monthlyWage.currency" },
        { "location outside the region", o => o with { Location = o.Location with { Country = "DE" } }, "location.country" },
        { "longitude out of range", o => o with { Location = o.Location with { Lon = 200 } }, "location.lon" },
        { "CEFR level lower-case junk", o => o with { Languages = [new LanguageSkill { Code = "ru", Level = "b" }] }, "languages[0].level" },
        { "empty employer", o => o with { Employer = "" }, "employer" },
        { "title over 200 characters", o => o with { Title = new string('t', 201) }, "title" },
        { "positions over the bound", o => o with { Positions = 10_001 }, "positions" },
        { "51 licences", o => o with { Licences = Enumerable.Range(0, 51).Select(i => $"l{i}").ToList() }, "licences" },
    };

    [Fact]
    public void Validate_ApiSampleOpening_HasNoErrors() =>
        Assert.True(Validator.Validate(Samples.Opening(), Samples.Today, byCentre: true).IsEmpty);

    [Theory]
    [MemberData(nameof(BadOpenings))]
    public void Validate_BrokenRule_ReportsExactlyThatFieldPath(string rule, Func<Opening, Opening> breakIt, string path)
    {
        var errors = Validator.Validate(breakIt(Samples.Opening()), Samples.Today, byCentre: true).ToDictionary();

        Assert.True(errors.Keys.SequenceEqual([path]), $"{rule}: expected only '{path}', got {string.Join(", ", errors.Keys)}");
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Validate_ExpiresToday_Passes() =>
        Assert.True(Validator.Validate(Samples.Opening() with { ExpiresOn = Samples.Today }, Samples.Today, byCentre: true).IsEmpty);

    [Fact]
    public void Validate_NoWageNoDates_Passes() =>
        Assert.True(Validator.Validate(Samples.Opening() with { MonthlyWage = null, StartDate = null, ExpiresOn = null }, Samples.Today, byCentre: true).IsEmpty);

    [Fact]
    public void Validate_ArrayItem_PrefixesPaths() =>
        Assert.Equal(["[0].positions"], Validator.Validate(Samples.Opening() with { Positions = 0 }, Samples.Today, byCentre: true, "[0].").ToDictionary().Keys);

    [Theory]
    [InlineData("Driver - apply at https://evil.example/uz", "title")]
    [InlineData("Driver, see www.jobs-abroad.com", "title")]
    [InlineData("Driver (evil.example/apply)", "title")]
    [InlineData("Cook, write to hr@evil.example", "title")]
    [InlineData("Call +998 90 000 0000", "title")]
    [InlineData("Call (90) 123-45-67", "title")]
    [InlineData("Kaspi.kz", "employer")]
    public void Validate_ContactsInACentresOpening_AreRefused(string text, string field)
    {
        var opening = field == "title" ? Samples.Opening() with { Title = text } : Samples.Opening() with { Employer = text };

        var errors = Validator.Validate(opening, Samples.Today, byCentre: true).ToDictionary();

        Assert.Equal([field], errors.Keys);
        Assert.Contains("not allowed in an opening a centre publishes", errors[field][0], StringComparison.Ordinal);
        Assert.True(Validator.Validate(opening, Samples.Today, byCentre: false).IsEmpty);
    }

    [Fact]
    public void Validate_ContactsInAnyTextList_AreRefusedAtTheirPath() =>
        Assert.Equal(["licences[1]", "skills[0]"], Validator.Validate(
            Samples.Opening() with { Skills = ["see t.me/jobs-abroad"], Licences = ["driving:C", "ask at 99890 1234567"] },
            Samples.Today, byCentre: true).ToDictionary().Keys);

    [Theory]
    [InlineData("Welder, 5th grade (St. Petersburg)")]
    [InlineData("Driver, category C, 2-3 years")]
    [InlineData("ISO 9001:2015 quality inspector")]
    [InlineData("Cook for 120 guests, shifts 2/2")]
    [InlineData("Almaty Metalworks LLP")]
    public void Validate_OrdinaryTitles_AreNotTakenForContacts(string text) =>
        Assert.True(Validator.Validate(Samples.Opening() with { Title = text }, Samples.Today, byCentre: true).IsEmpty);
}
