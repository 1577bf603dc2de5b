using System.Net;
using System.Text;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>One centre's uploads cannot crowd another's people: a profile quota, and copies served last in the digest.</summary>
public sealed class FairShareApiTests : IAsyncLifetime
{
    private static readonly string ThisWeek = Reintegration.Digests.IsoWeek.Of(TestData.Today).ToString();
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
    public async Task Quota_SetByTheAdmin_RefusesTheProfilesBeyondIt_AndStoresNothingOfThatRequest()
    {
        var (centre, id) = await _app.CentreAsync();
        using var _ = centre;
        var view = await HttpAssert.OkAsync(await _admin.PatchAsync($"/api/centres/{id}", MergePatch("""{ "profileQuota": 3 }""")));
        Assert.Equal(3, view.GetProperty("profileQuota").GetInt32());

        await HttpAssert.ProblemAsync(await centre.PostProfilesAsync([.. TestData.Profiles(4, "Q")]), HttpStatusCode.Conflict);
        Assert.Empty((await HttpAssert.OkAsync(await centre.GetAsync("/api/profiles"))).GetProperty("items").EnumerateArray());

        await HttpAssert.OkAsync(await centre.PostProfilesAsync([.. TestData.Profiles(3, "Q")]));
        await HttpAssert.OkAsync(await centre.PostProfilesAsync([.. TestData.Profiles(3, "Q")]));
        await HttpAssert.ProblemAsync(await centre.PostProfilesAsync(TestData.Profile("Q-EXTRA")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Quota_ACentreCannotSetItsOwn_AndTheDefaultIsShown()
    {
        var (centre, _) = await _app.CentreAsync();
        using var _ = centre;

        await HttpAssert.ProblemAsync(await centre.PatchAsync("/api/centres/me", MergePatch("""{ "profileQuota": 100000 }""")), HttpStatusCode.BadRequest, "profileQuota");
        Assert.Equal(5_000, (await HttpAssert.OkAsync(await centre.GetAsync("/api/centres/me"))).GetProperty("profileQuota").GetInt32());
    }

    [Fact]
    public async Task CloneFlood_CopiesOfAnotherCentresPeople_GetNothingBeforeThem()
    {
        var (b, _) = await _app.CentreAsync("Centre B", "TJ");
        var (a, _) = await _app.CentreAsync("Centre A", "TJ");
        using var __ = b;
        using var ___ = a;
        var people = TestData.Profiles(10, "B").ToList();
        await HttpAssert.OkAsync(await b.PostProfilesAsync([.. people]));
        await HttpAssert.OkAsync(await a.PostProfilesAsync(
            [.. people.SelectMany((p, i) => Enumerable.Range(0, 3).Select(k => p with { ExternalRef = $"CLONE-{i}-{k}", DisplayName = "X. Y." }))]));
        // Two openings of one position each: a cap of three people each, six recommendations in all.
        await HttpAssert.OkAsync(await _admin.PostOpeningsAsync(TestData.Opening("SCARCE-1") with { Positions = 1 }, TestData.Opening("SCARCE-2") with { Positions = 1 }));

        await HttpAssert.OkAsync(await _admin.PostAsync($"/api/digests/{ThisWeek}/run", null));

        static async Task<int> RecommendationsAsync(HttpClient centre) =>
            (await HttpAssert.OkAsync(await centre.GetAsync($"/api/digests/{ThisWeek}"))).GetProperty("entries").EnumerateArray()
                .Sum(e => e.GetProperty("matches").GetArrayLength());
        Assert.Equal(6, await RecommendationsAsync(b));
        Assert.Equal(0, await RecommendationsAsync(a));
    }
}
