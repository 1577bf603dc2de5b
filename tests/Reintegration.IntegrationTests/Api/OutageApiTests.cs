using System.Net;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

public sealed class OutageApiTests
{
    [Fact]
    public async Task StorageDown_Is503ProblemWithRetryAfter_AndAResendAfterwardsSucceeds()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var settings = new Dictionary<string, string?>(TestStorage.QuickResilience)
        {
            ["Reintegration:Storage"] = Azurite.ConnectionStringFor(proxy.Port, azurite.BlobPort),
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "2",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:01",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:03",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;

        proxy.Cut();
        var down = await centre.PostProfilesAsync(TestData.Profiles(3, "DOWN").ToArray());

        await HttpAssert.ProblemAsync(down, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(down.Headers.RetryAfter?.Delta);
        proxy.Restore();
        var again = await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profiles(3, "DOWN").ToArray()));
        Assert.Equal(3, again.GetProperty("results").GetArrayLength());
    }
}
