using System.Net;
using System.Net.Http.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>The person's own record: everything kept about them, for the centre that keeps them, and nothing of anyone else.</summary>
public sealed class ProfileExportTests : IAsyncLifetime
{
    private static readonly string ThisWeek = Reintegration.Digests.IsoWeek.Of(TestData.Today).ToString();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Export_HoldsTheProfilePlacementsDigestEntriesAndAccessRecords_AndNothingOfAnotherCentre()
    {
        using var admin = _app.Admin();
        var (a, aId) = await _app.CentreAsync("Khujand Employment Centre", "TJ");
        var (b, _) = await _app.CentreAsync("Osh Employment Centre", "KG");
        using var _ = a;
        using var __ = b;
        var mine = await HttpAssert.FirstIdAsync(a.PostProfilesAsync(TestData.Profile("EXPORT-A")));
        var theirs = await HttpAssert.FirstIdAsync(b.PostProfilesAsync(TestData.Profile("EXPORT-B")));
        var opening = await HttpAssert.FirstIdAsync(admin.PostOpeningsAsync(TestData.Opening("EXPORT-OPENING")));
        await HttpAssert.OkAsync(await a.PostAsJsonAsync("/api/placements", new { profileId = mine, openingId = opening, outcome = "applied" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync(await b.PostAsJsonAsync("/api/placements", new { profileId = theirs, openingId = opening, outcome = "interviewed" }), HttpStatusCode.Created);
        await HttpAssert.OkAsync(await admin.PostAsync($"/api/digests/{ThisWeek}/run", null));
        await HttpAssert.OkAsync(await a.GetAsync($"/api/profiles/{mine}"));

        var export = await HttpAssert.OkAsync(await a.GetAsync($"/api/profiles/{mine}/export"));

        Assert.Equal(mine, export.GetProperty("profile").GetProperty("id").GetString());
        Assert.Equal("EXPORT-A", export.GetProperty("profile").GetProperty("externalRef").GetString());
        var placement = Assert.Single(export.GetProperty("placements").EnumerateArray());
        Assert.Equal("applied", placement.GetProperty("outcome").GetString());
        var entry = Assert.Single(export.GetProperty("digestEntries").EnumerateArray());
        Assert.Equal(ThisWeek, entry.GetProperty("week").GetString());
        Assert.Equal(opening, Assert.Single(entry.GetProperty("recommendations").EnumerateArray()).GetProperty("openingId").GetString());
        var access = export.GetProperty("access").EnumerateArray().ToList();
        Assert.Contains(access, r => r.GetProperty("operation").GetString() == "GetProfile");
        Assert.Contains(access, r => r.GetProperty("operation").GetString() == "RecordPlacement");
        Assert.All(access, r => Assert.Equal(aId, r.GetProperty("actor").GetString()));
        Assert.All(access, r => Assert.Equal(mine, r.GetProperty("profileId").GetString()));
        var text = export.GetRawText();
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
        Assert.DoesNotContain("EXPORT-B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("interviewed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OfAnotherCentresPerson_Is404()
    {
        var (a, _) = await _app.CentreAsync("Khujand Employment Centre", "TJ");
        var (b, _) = await _app.CentreAsync("Osh Employment Centre", "KG");
        using var _ = a;
        using var __ = b;
        var theirs = await HttpAssert.FirstIdAsync(b.PostProfilesAsync(TestData.Profile("EXPORT-B")));

        await HttpAssert.ProblemAsync(await a.GetAsync($"/api/profiles/{theirs}/export"), HttpStatusCode.NotFound);
    }
}
