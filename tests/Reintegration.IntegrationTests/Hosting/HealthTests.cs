using System.Net;
using System.Net.Http.Json;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_StorageAnswers_Returns200WithStorageOk()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var response = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal(new Dictionary<string, string> { ["status"] = "ok", ["storage"] = "ok" }, body);
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
    public async Task Health_StorageBack_Returns200Again()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await TestApp.StartAsync(azurite);
        await azurite.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await app.Client.GetAsync("/api/health")).StatusCode);

        await azurite.RestartAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/health")).StatusCode);
    }
}
