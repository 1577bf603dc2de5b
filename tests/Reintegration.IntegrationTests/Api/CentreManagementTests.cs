using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>Centres listed, changed and given new keys; names unique within a country.</summary>
public sealed class CentreManagementTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        _admin = _app.Admin();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent MergePatch(string json) => new(json, Encoding.UTF8, "application/merge-patch+json");

    [Fact]
    public async Task SameNameInTheSameCountry_Is409_InAnyCaseOrSpacing_ButAnotherCountryMayUseIt()
    {
        await _app.CentreAsync("Osh Employment Centre", "KG");

        await HttpAssert.ProblemAsync(await _admin.PostAsJsonAsync("/api/centres", new { name = "osh  employment CENTRE", country = "KG", language = "ru" }), HttpStatusCode.Conflict);
        await HttpAssert.OkAsync(await _admin.PostAsJsonAsync("/api/centres", new { name = "Osh Employment Centre", country = "TJ", language = "ru" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task List_PagesThroughEveryCentre_WithoutKeys()
    {
        for (var i = 0; i < 5; i++)
        {
            await _app.CentreAsync($"Centre {i}");
        }

        var first = await HttpAssert.OkAsync(await _admin.GetAsync("/api/centres?pageSize=3"));
        var token = first.GetProperty("continuationToken").GetString();
        var second = await HttpAssert.OkAsync(await _admin.GetAsync($"/api/centres?pageSize=3&continuationToken={Uri.EscapeDataString(token!)}"));

        var names = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("name").GetString()).Order();
        Assert.Equal(["Centre 0", "Centre 1", "Centre 2", "Centre 3", "Centre 4"], names);
        Assert.Equal(JsonValueKindNull, second.GetProperty("continuationToken").ValueKind);
        Assert.DoesNotContain("apiKey", first.GetRawText(), StringComparison.Ordinal);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task List_IsForTheAdminOnly()
    {
        var (centre, _) = await _app.CentreAsync();
        using var _ = centre;

        await HttpAssert.ProblemAsync(await centre.GetAsync("/api/centres"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PatchMe_ChangesOnlyWhatIsSent_AndNullRemovesTheWebhook()
    {
        var (centre, _) = await _app.CentreAsync("Khujand Employment Centre", "TJ", "en", webhookUrl: "https://partner.example.org/hook");
        using var _ = centre;

        var changed = await HttpAssert.OkAsync(await centre.PatchAsync("/api/centres/me", MergePatch("""{ "language": "RU", "region": "Sughd", "webhookUrl": null }""")));

        Assert.Equal(("Khujand Employment Centre", "ru", "Sughd"), (changed.GetProperty("name").GetString(), changed.GetProperty("language").GetString(), changed.GetProperty("region").GetString()));
        Assert.Equal(JsonValueKindNull, changed.GetProperty("webhookUrl").ValueKind);
        var me = await HttpAssert.OkAsync(await centre.GetAsync("/api/centres/me"));
        Assert.Equal("ru", me.GetProperty("language").GetString());
    }

    [Fact]
    public async Task PatchCentre_AsAdmin_Renames_AndTheOldNameIsFreeAgain()
    {
        var (centre, id) = await _app.CentreAsync("Samarkand Centre", "UZ");
        using var _ = centre;

        var renamed = await HttpAssert.OkAsync(await _admin.PatchAsync($"/api/centres/{id}", MergePatch("""{ "name": "Samarkand Employment Centre" }""")));

        Assert.Equal("Samarkand Employment Centre", renamed.GetProperty("name").GetString());
        await HttpAssert.OkAsync(await _admin.PostAsJsonAsync("/api/centres", new { name = "Samarkand Centre", country = "UZ", language = "ru" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task PatchCentre_ToAnotherCentresName_Is409_AndChangesNothing()
    {
        await _app.CentreAsync("Bukhara Centre", "UZ");
        var (centre, id) = await _app.CentreAsync("Navoi Centre", "UZ");
        using var _ = centre;

        await HttpAssert.ProblemAsync(await _admin.PatchAsync($"/api/centres/{id}", MergePatch("""{ "name": "BUKHARA centre", "language": "ru" }""")), HttpStatusCode.Conflict);

        var me = await HttpAssert.OkAsync(await centre.GetAsync("/api/centres/me"));
        Assert.Equal(("Navoi Centre", "en"), (me.GetProperty("name").GetString(), me.GetProperty("language").GetString()));
    }

    [Theory]
    [InlineData("""{ "name": null }""", "name")]
    [InlineData("""{ "language": "fr" }""", "language")]
    [InlineData("""{ "webhookUrl": "http://example.org/x" }""", "webhookUrl")]
    [InlineData("""{ "country": "KZ" }""", "country")]
    [InlineData("""{ "name": 5, "language": null }""", "language", "name")]
    public async Task PatchMe_BadChanges_Are400WithEveryError(string patch, params string[] paths)
    {
        var (centre, _) = await _app.CentreAsync();
        using var _ = centre;

        await HttpAssert.ProblemAsync(await centre.PatchAsync("/api/centres/me", MergePatch(patch)), HttpStatusCode.BadRequest, paths);
    }

    [Fact]
    public async Task PatchCentre_UnknownId_Is404()
    {
        await HttpAssert.ProblemAsync(await _admin.PatchAsync($"/api/centres/{new string('0', 32)}", MergePatch("""{ "region": "x" }""")), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await _admin.PostAsync($"/api/centres/{new string('0', 32)}/keys", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RotateKey_GivesANewKeyThatWorks_AndTheOldOneFailsAtOnce()
    {
        var (old, id) = await _app.CentreAsync();
        using var _ = old;

        var rotated = await HttpAssert.OkAsync(await _admin.PostAsync($"/api/centres/{id}/keys", null), HttpStatusCode.Created);

        using var renewed = _app.ClientWithKey(rotated.GetProperty("apiKey").GetString());
        Assert.Equal(id, (await HttpAssert.OkAsync(await renewed.GetAsync("/api/centres/me"))).GetProperty("id").GetString());
        await HttpAssert.ProblemAsync(await old.GetAsync("/api/centres/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RotateKey_OnOneInstance_FailsTheOldKeyOnAnother_OnceTheCacheBoundHasPassed()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var cache = new Dictionary<string, string?> { ["Reintegration:Centres:CacheFor"] = "00:00:30" };
        var clockOfTwo = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var one = await TestApp.StartAsync(azurite, cache, tablePrefix: prefix);
        await using var two = await TestApp.StartAsync(azurite, cache, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clockOfTwo)), prefix);
        var (onOne, id) = await one.CentreAsync();
        using var _ = onOne;
        using var oldOnTwo = two.ClientWithKey(onOne.DefaultRequestHeaders.GetValues("x-api-key").Single());
        await HttpAssert.OkAsync(await oldOnTwo.GetAsync("/api/centres/me"));

        using var admin = one.Admin();
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/centres/{id}/keys", null), HttpStatusCode.Created);

        await HttpAssert.OkAsync(await oldOnTwo.GetAsync("/api/centres/me"));
        clockOfTwo.Advance(TimeSpan.FromSeconds(30));
        await HttpAssert.ProblemAsync(await oldOnTwo.GetAsync("/api/centres/me"), HttpStatusCode.Unauthorized);
    }
}
