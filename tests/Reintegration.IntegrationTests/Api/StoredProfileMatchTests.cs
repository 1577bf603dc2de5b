using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Profiles;

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
            // The audit in an account that stays up (a match is audited, and an access that cannot be recorded is refused).
            ["Reintegration:Audit:Storage"] = azurite.ConnectionString,
            ["Reintegration:StorageResilience:RequestBudget"] = "00:00:03",
            // A bound a loaded machine cannot outrun between the last read of the change log and the request below.
            ["Reintegration:Profiles:MaxStaleness"] = "00:01:00",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var (centre, centreId) = await app.CentreAsync();
        using var _ = centre;
        var id = await ProfileIdAsync(centre, "CACHED-1");
        var cache = app.Services.GetRequiredService<ProfileCache>();
        // Kept once a match has read it and the change log has been read since (every second here).
        await WaitUntilAsync(async () =>
        {
            await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));
            return cache.TryGet(centreId, id, out var kept) && kept.Id == id;
        }, "the profile was never kept", setup: true);

        proxy.Cut();

        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));
        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}"), HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task ProfileErasedThroughTheSameInstance_HasNoMatchesAtOnce()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var id = await ProfileIdAsync(centre, "ERASED-1");
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));

        Assert.True((await centre.DeleteAsync($"/api/profiles/{id}")).IsSuccessStatusCode);

        await HttpAssert.ProblemAsync(await centre.GetAsync($"/api/profiles/{id}/matches"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProfileErasedThroughAnotherInstance_HasNoMatchesHereWithinTheBound()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var one = await TestApp.StartAsync(azurite, tablePrefix: prefix);
        await using var two = await TestApp.StartAsync(azurite, tablePrefix: prefix);
        var (centreOnOne, _) = await one.CentreAsync();
        using var __ = centreOnOne;
        using var centreOnTwo = two.ClientWithKey(centreOnOne.DefaultRequestHeaders.GetValues("x-api-key").Single());
        var id = await ProfileIdAsync(centreOnOne, "ERASED-2");
        await HttpAssert.OkAsync(await centreOnTwo.GetAsync($"/api/profiles/{id}/matches"));

        await HttpAssert.OkAsync(await centreOnTwo.GetAsync($"/api/profiles/{id}/matches"));

        Assert.True((await centreOnOne.DeleteAsync($"/api/profiles/{id}")).IsSuccessStatusCode);

        // Two drops it when it reads the change log (every second here); by the bound (15 s) at the latest.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await centreOnTwo.GetAsync($"/api/profiles/{id}/matches")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the erased profile was still matched after 30 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task ProfileBannedThroughAnotherInstance_IsNoLongerOfferedTheBannedCountryHereWithinTheBound()
    {
        var azurite = await SharedAzurite.GetAsync();
        var prefix = TestApp.NewTablePrefix();
        await using var one = await TestApp.StartAsync(azurite, tablePrefix: prefix);
        await using var two = await TestApp.StartAsync(azurite, tablePrefix: prefix);
        var (centreOnOne, _) = await one.CentreAsync();
        using var __ = centreOnOne;
        using var centreOnTwo = two.ClientWithKey(centreOnOne.DefaultRequestHeaders.GetValues("x-api-key").Single());
        var opening = (await HttpAssert.OkAsync(await centreOnOne.PostOpeningsAsync(TestData.Opening("BANNED-KZ"))))
            .GetProperty("results")[0].GetProperty("id").GetString();
        var id = await ProfileIdAsync(centreOnOne, "BANNED-1");
        // Two learns of the opening from the opening change log; from then on it keeps the profile.
        await WaitUntilAsync(async () => await OfferedAsync(centreOnTwo, id, opening), "the opening never reached the other instance", setup: true);
        Assert.True(await OfferedAsync(centreOnTwo, id, opening));

        var banned = TestData.Profile("BANNED-1") with
        {
            Bans = [.. TestData.Profile().Bans, new() { Country = "KZ", From = TestData.Today.AddDays(-30), Until = TestData.Today.AddYears(2) }],
        };
        await HttpAssert.OkAsync(await centreOnOne.PostProfilesAsync(banned));

        // A re-entry ban offered anyway is the harm this service exists to prevent: two must drop what it kept, by the bound (15 s).
        await WaitUntilAsync(async () => !await OfferedAsync(centreOnTwo, id, opening), "the banned country was still offered");
    }

    private static async Task<bool> OfferedAsync(HttpClient centre, string id, string? opening) =>
        (await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"))).GetProperty("matches").EnumerateArray()
            .Any(m => m.GetProperty("openingId").GetString() == opening);

    /// <summary>
    /// Polls until the condition holds; far past the bound (twice it), a loaded machine's slowness aside, it fails.
    /// A wait that only sets the scene (<paramref name="setup"/>) is three times as generous: under load 40 one once ran
    /// out of 30 s before the profile was kept (why was not found: most likely change-log reads slowed by the load).
    /// </summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure, bool setup = false)
    {
        var limit = TimeSpan.FromSeconds(setup ? 90 : 30);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"{failure} within {limit.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    private static async Task<string> ProfileIdAsync(HttpClient centre, string externalRef) =>
        (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile(externalRef))))
            .GetProperty("results")[0].GetProperty("id").GetString()!;
}
