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
        Assert.True(Validator.Validate(Samples.Opening(), Samples.Today).IsEmpty);

    [Theory]
    [MemberData(nameof(BadOpenings))]
    public void Validate_BrokenRule_ReportsExactlyThatFieldPath(string rule, Func<Opening, Opening> breakIt, string path)
    {
        var errors = Validator.Validate(breakIt(Samples.Opening()), Samples.Today).ToDictionary();

        Assert.True(errors.Keys.SequenceEqual([path]), $"{rule}: expected only '{path}', got {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void Validate_ExpiresToday_Passes() =>
        Assert.True(Validator.Validate(Samples.Opening() with { ExpiresOn = Samples.Today }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_NoWageNoDates_Passes() =>
        Assert.True(Validator.Validate(Samples.Opening() with { MonthlyWage = null, StartDate = null, ExpiresOn = null }, Samples.Today).IsEmpty);

    [Fact]
    public void Validate_ArrayItem_PrefixesPaths() =>
        Assert.Equal(["[0].positions"], Validator.Validate(Samples.Opening() with { Positions = 0 }, Samples.Today, "[0].").ToDictionary().Keys);
}
