using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

public sealed class CentreValidatorTests
{
    private static readonly CentreValidator Validator = new(ReferenceData.Shared);

    private static IReadOnlyDictionary<string, string[]> Errors(
        string name = "Khujand Employment Centre", string country = "TJ", string? region = "Sughd", string? webhook = null, string language = "en") =>
        Validator.Validate(name, country, region, webhook, language).ToDictionary();

    [Fact]
    public void Validate_CompleteCentre_HasNoErrors() =>
        Assert.Empty(Errors(webhook: "https://centre.example/hook", language: "ru"));

    [Fact]
    public void Validate_NoRegionAndNoWebhook_HasNoErrors() =>
        Assert.Empty(Errors(region: null));

    [Theory]
    [InlineData("", "TJ", "en", "name")]
    [InlineData("Centre", "", "en", "country")]
    [InlineData("Centre", "DE", "en", "country")]
    [InlineData("Centre", "TJ", "tg", "language")]
    [InlineData("Centre", "TJ", "EN", "language")]
    public void Validate_BrokenField_IsReportedAtItsPathAlone(string name, string country, string language, string path)
    {
        var errors = Errors(name, country, language: language);

        Assert.Equal([path], errors.Keys);
        Assert.All(errors[path], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void Validate_UnsupportedLanguage_NamesTheSupportedOnes() =>
        Assert.Equal(["Must be en or ru."], Errors(language: "tg")["language"]);

    [Fact]
    public void Validate_RegionOver200Characters_IsRefused() =>
        Assert.Equal(["region"], Errors(region: new string('r', 201)).Keys);

    [Theory]
    [InlineData("http://localhost:7071/hook")]
    [InlineData("http://127.0.0.1:7071/hook")]
    [InlineData("http://[::1]:7071/hook")]
    public void Validate_LoopbackWebhook_OnlyWhereAllowed(string url)
    {
        Assert.Empty(new CentreValidator(ReferenceData.Shared, allowLoopbackWebhooks: true).Validate("Centre", "TJ", null, url, "en").ToDictionary());
        Assert.Equal(["Must not point to this machine (loopback)."], Errors(webhook: url)["webhookUrl"]);
    }

    [Fact]
    public void WebhookProblem_Over2048Characters_IsRefused_AtExactly2048Accepted()
    {
        const string Start = "https://centre.example/";

        Assert.Null(WebhookAddress.Problem(Start + new string('a', 2048 - Start.Length), allowLoopback: false));
        Assert.NotNull(WebhookAddress.Problem(Start + new string('a', 2049 - Start.Length), allowLoopback: false));
    }

    [Fact]
    public void Validate_RefusedWebhook_IsReportedAtWebhookUrl() =>
        Assert.Equal(["webhookUrl"], Errors(webhook: "http://centre.example/hook").Keys);
}
