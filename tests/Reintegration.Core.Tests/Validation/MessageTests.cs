using Reintegration.Domain;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

/// <summary>The exact words of a refusal where they carry information: the values expected, and one message per fault.</summary>
public sealed class MessageTests
{
    private static readonly ProfileValidator Profiles = new(ReferenceData.Shared);
    private static readonly OpeningValidator Openings = new(ReferenceData.Shared);

    [Fact]
    public void UnknownHomeCountry_ListsTheRegionsStates_InCodeOrder()
    {
        var states = ReferenceData.Shared.Countries.Regional.Select(c => c.Code).ToList();

        var errors = Profiles.Validate(Samples.Profile() with { Home = Samples.Profile().Home with { Country = "DE" } }, Samples.Today).ToDictionary();

        Assert.Equal(states.Order(StringComparer.Ordinal), states);
        Assert.Contains("TJ", states);
        Assert.Equal([$"Unknown country 'DE': expected one of the region's states ({string.Join(", ", states)})."], errors["home.country"]);
    }

    [Fact]
    public void UnknownCurrency_ListsTheKnownOnes_InCodeOrder()
    {
        var codes = ReferenceData.Shared.Currencies.All.Select(c => c.Code).Order(StringComparer.Ordinal);

        var errors = Profiles.Validate(Samples.Profile() with { MinMonthlyWage = new Money { Amount = 1, Currency = "XYZ" } }, Samples.Today).ToDictionary();

        Assert.Equal([$"Unknown currency 'XYZ': expected one of {string.Join(", ", codes)}."], errors["minMonthlyWage.currency"]);
    }

    [Theory]
    [InlineData(null, "minMonthlyWage.currency", "Required: an ISO 4217 code.")]
    [InlineData("", "minMonthlyWage.currency", "Required: an ISO 4217 code.")]
    public void MissingCurrency_IsRequired(string? currency, string path, string expected) =>
        Assert.Equal(
            [expected],
            Profiles.Validate(Samples.Profile() with { MinMonthlyWage = new Money { Amount = 1, Currency = currency! } }, Samples.Today).ToDictionary()[path]);

    [Fact]
    public void BlankHomeCity_IsRequired_AndNotAlsoLookedUp() =>
        Assert.Equal(["Required."], Profiles.Validate(Samples.Profile() with { Home = Samples.Profile().Home with { City = " " } }, Samples.Today).ToDictionary()["home.city"]);

    [Fact]
    public void LanguageWithoutCode_EchoesNothing() =>
        Assert.Equal(
            ["Unknown language '': expected an ISO 639-1 code, such as ru."],
            Profiles.Validate(Samples.Profile() with { Languages = [new LanguageSkill { Code = null!, Level = "B1" }] }, Samples.Today).ToDictionary()["languages[0].code"]);

    [Fact]
    public void NullOpeningInAnArray_IsReportedAtTheItem() =>
        Assert.Equal(["[4]"], Openings.Validate(null, Samples.Today, byCentre: true, "[4].").ToDictionary().Keys);

    [Fact]
    public void Coordinates_OfALocationWithBoth_AreItsOwn() =>
        Assert.Equal((40.5, 69.25), LocationRules.Coordinates(new Location { Country = "TJ", City = "Atlantis", Lat = 40.5, Lon = 69.25 }, ReferenceData.Shared));

    [Fact]
    public void Coordinates_OfAKnownCityWithoutThem_AreTheCitys()
    {
        var khujand = ReferenceData.Shared.Places.Find("TJ", "Худжанд")!;

        Assert.Equal((khujand.Lat, khujand.Lon), LocationRules.Coordinates(new Location { Country = "TJ", City = "Худжанд" }, ReferenceData.Shared));
    }

    [Fact]
    public void Coordinates_OfALocationNotValidated_Throw_SayingWhy()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocationRules.Coordinates(new Location { Country = "TJ", City = "Atlantis" }, ReferenceData.Shared));

        Assert.Equal("The location was not validated: it has no coordinates and no known city.", error.Message);
    }
}
