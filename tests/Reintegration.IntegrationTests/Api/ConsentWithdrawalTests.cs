using System.Net;
using System.Net.Http.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>Consent taken back on a PUT erases the person; consent left out erases nothing.</summary>
public sealed class ConsentWithdrawalTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Put_WithConsentFalse_ErasesTheProfileAndItsPlacements_204()
    {
        var (centre, _) = await _app.CentreAsync();
        using var _ = centre;
        using var admin = _app.Admin();
        var id = await HttpAssert.FirstIdAsync(centre.PostProfilesAsync(TestData.Profile("WITHDRAW-1")));
        var opening = await HttpAssert.FirstIdAsync(admin.PostOpeningsAsync(TestData.Opening("WITHDRAW-OPENING")));
        await HttpAssert.OkAsync(await centre.PostAsJsonAsync("/api/placements", new { profileId = id, openingId = opening, outcome = "applied" }), HttpStatusCode.Created);

        using var withdrawn = await centre.PutJsonAsync($"/api/profiles/{id}", """{ "consent": { "dataProcessing": false } }""");

        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}/export"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(
            await centre.PutJsonAsync($"/api/profiles/{id}", """{ "consent": { "dataProcessing": false } }"""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_WithoutConsent_Is400_AndErasesNothing()
    {
        var (centre, _) = await _app.CentreAsync();
        using var _ = centre;
        var id = await HttpAssert.FirstIdAsync(centre.PostProfilesAsync(TestData.Profile("WITHDRAW-2")));
        var withoutConsent = TestData.ProfileJson.Replace("""  "consent": { "dataProcessing": true, "givenOn": "2026-11-01" }""", """  "consent": null""", StringComparison.Ordinal);

        await HttpAssert.ProblemAsync(await centre.PutJsonAsync($"/api/profiles/{id}", "{}"), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await centre.PutJsonAsync($"/api/profiles/{id}", withoutConsent), HttpStatusCode.BadRequest);
        await HttpAssert.ProblemAsync(await centre.PutJsonAsync($"/api/profiles/{id}", """{ "consent": { "dataProcessing": "false" } }"""), HttpStatusCode.BadRequest);

        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}"));
    }

    [Fact]
    public async Task Put_WithConsentFalse_OnAnotherCentresPerson_Is404_AndErasesNothing()
    {
        var (a, _) = await _app.CentreAsync("Khujand Employment Centre", "TJ");
        var (b, _) = await _app.CentreAsync("Osh Employment Centre", "KG");
        using var _ = a;
        using var __ = b;
        var theirs = await HttpAssert.FirstIdAsync(b.PostProfilesAsync(TestData.Profile("WITHDRAW-3")));

        await HttpAssert.ProblemAsync(await a.PutJsonAsync($"/api/profiles/{theirs}", """{ "consent": { "dataProcessing": false } }"""), HttpStatusCode.NotFound);

        await HttpAssert.OkAsync(await b.GetAsync($"/api/profiles/{theirs}"));
    }
}
