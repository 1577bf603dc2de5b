using System.Text.Json;
using Reintegration.Domain;

namespace Reintegration.Tests.Json;

public sealed class ReintegrationJsonTests
{
    [Fact]
    public void Deserialize_ApiSampleProfile_ReadsEveryField()
    {
        var profile = Samples.Profile();

        Assert.Equal(PersonStatus.ReturningMigrant, profile.Status);
        Assert.Equal(new DateOnly(2030, 3, 1), profile.Bans.Single().Until);
        Assert.Equal("7212", profile.Occupations.Single().Isco);
        Assert.Equal(["KZ", "KG"], profile.Relocation.Countries);
        Assert.Equal(4000m, profile.MinMonthlyWage!.Amount);
        Assert.Equal(new DateOnly(2026, 11, 1), profile.Consent.GivenOn);
    }

    [Fact]
    public void Serialize_Profile_CamelCaseEnumsAndIsoDates()
    {
        var json = JsonSerializer.Serialize(Samples.Profile() with { Status = PersonStatus.Refugee }, ReintegrationJsonContext.Default.Profile);

        Assert.Contains("\"status\":\"refugee\"", json, StringComparison.Ordinal);
        Assert.Contains("\"availableFrom\":\"2026-12-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"externalRef\":\"DUSH-2026-0042\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameDocument()
    {
        var once = JsonSerializer.Serialize(Samples.Opening(), ReintegrationJsonContext.Default.Opening);

        var twice = JsonSerializer.Serialize(JsonSerializer.Deserialize(once, ReintegrationJsonContext.Default.Opening)!, ReintegrationJsonContext.Default.Opening);

        Assert.Equal(once, twice);
    }

    [Theory]
    [InlineData("""{ "externalRef": "A", "nickname": "x" }""", "nickname")]
    [InlineData("""{ "home": { "country": "TJ", "zip": "735700" } }""", "zip")]
    public void Deserialize_UnknownProperty_IsRefusedNamingIt(string json, string property)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ReintegrationJsonContext.Default.Profile));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "status": 1 }""")]
    [InlineData("""{ "status": "deportee" }""")]
    [InlineData("""{ "bans": null }""")]
    [InlineData("""{ "occupations": [ { "isco": 7212 } ] }""")]
    [InlineData("""{ "availableFrom": "01/12/2026" }""")]
    [InlineData("""{ "minMonthlyWage": { "amount": "4000" } }""")]
    public void Deserialize_WrongTypeOrValue_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ReintegrationJsonContext.Default.Profile));

    [Fact]
    public void Deserialize_MissingFields_TakeDefaultsForTheValidatorToReport()
    {
        var profile = JsonSerializer.Deserialize("{}", ReintegrationJsonContext.Default.Profile)!;

        Assert.Equal("", profile.ExternalRef);
        Assert.Empty(profile.Bans);
        Assert.False(profile.Consent.DataProcessing);
    }
}
