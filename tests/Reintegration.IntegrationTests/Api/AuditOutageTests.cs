using System.Net;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

public sealed class AuditOutageTests
{
    [Fact]
    public async Task AuditStorageDown_Is503WithNothingOfThePerson_WhileTheRestOfStorageAnswers_AndAResendSucceeds()
    {
        var azurite = await SharedAzurite.GetAsync();
        await using var proxy = TcpProxy.Start(azurite.Port);
        var settings = new Dictionary<string, string?>(TestStorage.QuickResilience)
        {
            // Only the audit table is behind the proxy: the profiles stay reachable.
            ["Reintegration:Audit:Storage"] = Azurite.ConnectionStringFor(proxy.Port),
            ["Reintegration:StorageResilience:MaxRetryAttempts"] = "1",
            ["Reintegration:StorageResilience:AttemptTimeout"] = "00:00:01",
            ["Reintegration:StorageResilience:OverallTimeout"] = "00:00:03",
        };
        await using var app = await TestApp.StartAsync(azurite, settings);
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var stored = await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile("OUTAGE-1")));
        var id = stored.GetProperty("results")[0].GetProperty("id").GetString();

        proxy.Cut();
        using var down = await centre.GetAsync($"/api/profiles/{id}");
        var problem = await HttpAssert.ProblemAsync(down, HttpStatusCode.ServiceUnavailable);
        var text = problem.GetRawText();
        var unaudited = await centre.GetAsync($"/api/centres/me");

        Assert.NotNull(down.Headers.RetryAfter?.Delta);
        Assert.Contains("audit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("OUTAGE-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("F. K.", text, StringComparison.Ordinal);
        await HttpAssert.OkAsync(unaudited);

        proxy.Restore();
        var again = await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}"));
        Assert.Equal("OUTAGE-1", again.GetProperty("externalRef").GetString());
    }
}
