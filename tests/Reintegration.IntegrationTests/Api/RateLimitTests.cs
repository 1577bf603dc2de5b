using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>Per key: so many requests a minute, so many walk-in matches an hour; then 429 with Retry-After, until the window ends.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 15, TimeSpan.Zero);

    [Fact]
    public async Task RequestsBeyondTheMinute_Are429WithRetryAfter_ForThatKeyOnly_AndPassAgainInTheNextMinute()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await StartAsync(clock, requestsPerMinute: 5, walkIns: 0);
        var (centre, _) = await app.CentreAsync();
        var (other, _) = await app.CentreAsync("Osh Employment Centre", "KG");
        using var _ = centre;
        using var __ = other;

        for (var i = 0; i < 5; i++)
        {
            await HttpAssert.OkAsync(await centre.GetAsync("/api/centres/me"));
        }

        using var refused = await centre.GetAsync("/api/profiles");
        var problem = await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(45), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", problem.GetProperty("type").GetString());
        await HttpAssert.OkAsync(await other.GetAsync("/api/centres/me"));

        clock.Advance(TimeSpan.FromSeconds(45));
        await HttpAssert.OkAsync(await centre.GetAsync("/api/profiles"));
    }

    [Fact]
    public async Task WalkInMatchesBeyondTheHour_Are429_WhileStoredProfilesStillMatch()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await StartAsync(clock, requestsPerMinute: 0, walkIns: 2);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var stored = await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile("WALK-IN-1")));
        var id = stored.GetProperty("results")[0].GetProperty("id").GetString();

        await HttpAssert.OkAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson));
        await HttpAssert.OkAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson));
        using var refused = await centre.PostJsonAsync("/api/matches", TestData.ProfileJson);

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(45), refused.Headers.RetryAfter?.Delta);
        await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}/matches"));
        clock.Advance(TimeSpan.FromHours(1));
        await HttpAssert.OkAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson));
    }

    [Fact]
    public async Task WalkInMatchesRefusedWhileTheIndexLoads_DoNotSpendTheHourlyQuota()
    {
        var azurite = await SharedAzurite.GetAsync();
        // The snapshot's Blob service hangs: the index stays loading while tables answer.
        await using var blobs = TcpProxy.Start(azurite.BlobPort);
        blobs.Stall();
        await using var app = await TestApp.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["Reintegration:Storage"] = Azurite.ConnectionStringFor(azurite.Port, blobs.Port),
                ["Reintegration:RateLimit:WalkInMatchesPerHour"] = "1",
            },
            waitForIndex: false);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;

        for (var i = 0; i < 3; i++)
        {
            await HttpAssert.ProblemAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson), HttpStatusCode.ServiceUnavailable);
        }

        blobs.Restore();
        await app.Services.GetRequiredService<Reintegration.Storage.Openings.IndexSynchronizer>().Loaded.WaitAsync(TimeSpan.FromSeconds(90));
        await HttpAssert.OkAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson));
        await HttpAssert.ProblemAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson), HttpStatusCode.TooManyRequests);
    }

    private static async Task<TestApp> StartAsync(FakeTimeProvider clock, int requestsPerMinute, int walkIns) =>
        await TestApp.StartAsync(
            await SharedAzurite.GetAsync(),
            new Dictionary<string, string?>
            {
                ["Reintegration:RateLimit:RequestsPerMinute"] = requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Reintegration:RateLimit:WalkInMatchesPerHour"] = walkIns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
}
