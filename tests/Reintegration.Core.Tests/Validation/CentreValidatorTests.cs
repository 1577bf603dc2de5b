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
    [InlineData("https://centre.example/hook")]
    [InlineData("http://localhost:7071/hook")]
    [InlineData("http://127.0.0.1:7071/hook")]
    [InlineData("http://[::1]:7071/hook")]
    public void WebhookProblem_HttpsOrLoopbackHttp_IsNone(string url) =>
        Assert.Null(CentreValidator.WebhookProblem(url));

    [Theory]
    [InlineData("http://centre.example/hook", "Must use https (http is accepted only to loopback, for local runs).")]
    [InlineData("http://10.0.0.1/hook", "Must use https (http is accepted only to loopback, for local runs).")]
    [InlineData("ftp://centre.example/hook", "Must use https (http is accepted only to loopback, for local runs).")]
    [InlineData("https://user:secret@centre.example/hook", "Must be an absolute https URL without credentials.")]
    [InlineData("centre.example/hook", "Must be an absolute https URL without credentials.")]
    public void WebhookProblem_OtherAddresses_AreRefusedWithTheReason(string url, string expected) =>
        Assert.Equal(expected, CentreValidator.WebhookProblem(url));

    [Fact]
    public void WebhookProblem_Over2048Characters_IsRefused_AtExactly2048Accepted()
    {
        const string Start = "https://centre.example/";

        Assert.Null(CentreValidator.WebhookProblem(Start + new string('a', 2048 - Start.Length)));
        Assert.NotNull(CentreValidator.WebhookProblem(Start + new string('a', 2049 - Start.Length)));
    }

    [Fact]
    public void Validate_RefusedWebhook_IsReportedAtWebhookUrl() =>
        Assert.Equal(["webhookUrl"], Errors(webhook: "http://centre.example/hook").Keys);
}
