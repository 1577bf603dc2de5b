using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Reintegration.IntegrationTests.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.IntegrationTests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_IndexLoadedAndStorageAnswers_Returns200WithTheIndexSizeAndAge()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        await HttpAssert.OkAsync(await centre.PostOpeningsAsync(TestData.Opening("H-1"), TestData.Opening("H-2")));

        var body = await HttpAssert.OkAsync(await app.Client.GetAsync("/api/health"));

        Assert.Equal(("ok", "ok"), (body.GetProperty("status").GetString(), body.GetProperty("storage").GetString()));
        var index = body.GetProperty("index");
        Assert.Equal(2, index.GetProperty("openings").GetInt32());
        Assert.InRange(index.GetProperty("ageSeconds").GetDouble(), 0, 60);
        Assert.Equal("table", index.GetProperty("loadedFrom").GetString());
    }

    [Fact]
    public async Task Health_WhileTheIndexLoads_Is503WithProgress_AndAMatchIs503AtOnceSayingTheIndexIsLoading()
    {
        var azurite = await SharedAzurite.GetAsync();
        // The snapshot's Blob service hangs: the index stays loading while tables answer.
        await using var blobs = TcpProxy.Start(azurite.BlobPort);
        blobs.Stall();
        var settings = new Dictionary<string, string?>
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(azurite.Port, blobs.Port),
        };
        await using var app = await TestApp.StartAsync(azurite, settings, waitForIndex: false);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;

        var health = await HttpAssert.ProblemAsync(await app.Client.GetAsync("/api/health"), HttpStatusCode.ServiceUnavailable);
        var match = await centre.PostJsonAsync("/api/matches", TestData.ProfileJson);

        Assert.Equal("loading", health.GetProperty("index").GetString());
        Assert.Equal("snapshot", health.GetProperty("progress").GetProperty("source").GetString());
        Assert.NotNull(match.Headers.RetryAfter?.Delta);
        var problem = await HttpAssert.ProblemAsync(match, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("index", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("torage", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        blobs.Restore();
        await app.Services.GetRequiredService<IndexSynchronizer>().Loaded.WaitAsync(TimeSpan.FromSeconds(90));

        await HttpAssert.OkAsync(await centre.PostJsonAsync("/api/matches", TestData.ProfileJson));
        await HttpAssert.OkAsync(await app.Client.GetAsync("/api/health"));
    }

    [Fact]
    public async Task Health_StorageStopped_Returns503ProblemWithRetryAfter()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await TestApp.StartAsync(azurite);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);

        await azurite.StopAsync();
        var response = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("503", problem!["status"].ToString());
    }

    [Fact]
    public async Task Health_StorageBack_Returns200AgainOnceTheBreakerHasClosed()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await TestApp.StartAsync(azurite);
        await azurite.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Client.GetAsync("/api/health")).StatusCode);

        await azurite.RestartAsync();

        // The breaker, opened by the index's refreshes meanwhile, lets a call through after its break (15 s).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await app.Client.GetAsync("/api/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "health did not answer 200 again within 60 s");
            await Task.Delay(250);
        }
    }
}
