using Reintegration.Domain;
using Reintegration.Storage.Centres;

namespace Reintegration.IntegrationTests.Infrastructure;

public static class CentreStoreExtensions
{
    /// <summary>Registers a centre that must be new, and gives it with its key.</summary>
    public static async Task<(Centre Centre, string Key)> RegisterAsync(
        this CentreStore store, string name, string country, string? region, string? webhookUrl, string language, CancellationToken cancellationToken = default)
    {
        var (outcome, centre, key) = await store.CreateAsync(name, country, region, webhookUrl, language, cancellationToken);
        Assert.Equal(CentreWriteOutcome.Done, outcome);
        return (centre!, key!);
    }
}
