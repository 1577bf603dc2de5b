using Microsoft.Extensions.Hosting;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Creates the tables when the app starts, without holding the start up when storage is down.</summary>
internal sealed class TableProvisioner(Tables tables, SigningKey signingKey, StorageOutageLog outages) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(stoppingToken);
            // Made now rather than by the first request that needs it.
            await signingKey.ForAsync("start", stoppingToken);
        }
        catch (StorageUnavailableException e)
        {
            // Every store call ensures the tables again, so nothing is lost by giving up here.
            outages.Unavailable("creating the tables (they will be created on first use)", e);
        }
    }
}
