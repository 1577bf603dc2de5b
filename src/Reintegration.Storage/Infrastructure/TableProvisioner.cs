using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Creates the tables when the app starts, without holding the start up when storage is down.</summary>
internal sealed partial class TableProvisioner(Tables tables, ILogger<TableProvisioner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await tables.EnsureCreatedAsync(stoppingToken);
        }
        catch (StorageUnavailableException e)
        {
            // Every store call ensures the tables again, so nothing is lost by giving up here.
            LogNotCreated(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tables not created at start: storage is unavailable; they will be created on first use")]
    private static partial void LogNotCreated(ILogger logger, Exception exception);
}
