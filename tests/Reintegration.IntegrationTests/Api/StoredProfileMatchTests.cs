using System.Net;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>A stored profile's matches read the profile from storage once per bound, not once per request.</summary>
public sealed class StoredProfileMatchTests
{
    [Fact]
    public async Task StoredProfileMatch_AskedAgainWhileStorageIsCut_IsServedWithoutAStorageRead()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var settings = new Dictionary<string, string?>
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(proxy.Port, azurite.BlobPort),
            ["Reintegration:Profiles:CacheFor"] = "00:05:00",
            ["Reintegration:StorageResilience:RequestBudget"] = "00:00:03",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var id = await ProfileIdAsync(centre, "CACHED-1");
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));

        proxy.Cut();

        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}"), HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ProfileErasedThroughTheSameInstance_HasNoMatchesAtOnce()
    {
        var settings = new Dictionary<string, string?> { ["Reintegration:Profiles:CacheFor"] = "00:05:00" };
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync(), settings);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var id = await ProfileIdAsync(centre, "ERASED-1");
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));

        Assert.True((await centre.DeleteAsync($"/api/profiles/{id}")).IsSuccessStatusCode);

        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}/matches"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProfileErasedThroughAnotherInstance_HasNoMatchesHereOnceTheBoundHasPassed()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        var bound = new Dictionary<string, string?> { ["Reintegration:Profiles:CacheFor"] = "00:00:02" };
        await using var one = await TestApp.StartAsync(azurite, bound, tablePrefix: prefix);
        await using var two = await TestApp.StartAsync(azurite, bound, tablePrefix: prefix);
        var (centreOnOne, _) = await one.CentreAsync();
        using var __ = centreOnOne;
        using var centreOnTwo = two.ClientWithKey(centreOnOne.DefaultRequestHeaders.GetValues("x-api-key").Single());
        var id = await ProfileIdAsync(centreOnOne, "ERASED-2");
        await HttpAssert.OkAsync(await centreOnTwo.GetAsync($"/api/profiles/{id}/matches"));

        Assert.True((await centreOnOne.DeleteAsync($"/api/profiles/{id}")).IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await HttpAssert.ProblemAsync(await centreOnTwo.GetAsync($"/api/profiles/{id}/matches"), HttpStatusCode.NotFound);
    }

    private static async Task<string> ProfileIdAsync(HttpClient centre, string externalRef) =>
        (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile(externalRef))))
            .GetProperty("results")[0].GetProperty("id").GetString()!;
}
