using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// What the background work (creating tables, loading the opening index) says when Table Storage does
/// not answer: one line at most per <see cref="Every"/>, naming the endpoint and how to start Azurite
/// locally, with no stack trace; and one line when it answers again.
/// </summary>
public sealed partial class StorageOutageLog(TableServiceClient service, TimeProvider time, ILogger<StorageOutageLog> logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSaid;
    private bool _down;

    /// <summary>Storage did not answer <paramref name="activity"/> (e.g. "loading the opening index").</summary>
    public void Unavailable(string activity, StorageUnavailableException failure)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _down = true;
            if (_lastSaid is { } said && now - said < Every)
            {
                return;
            }

            _lastSaid = now;
        }

        LogUnavailable(logger, Endpoint(), activity, Reason(failure));
    }

    /// <summary>Storage answered: said once after an outage was reported.</summary>
    public void Available()
    {
        lock (_gate)
        {
            if (!_down)
            {
                return;
            }

            _down = false;
            _lastSaid = null;
        }

        LogAvailable(logger, Endpoint());
    }

    // The endpoint only: host and port carry no secret (a connection string's key never reaches a log).
    private string Endpoint() => service.Uri.GetLeftPart(UriPartial.Authority);

    private static string Reason(StorageUnavailableException failure)
    {
        var root = failure.InnerException;
        while (root?.InnerException is not null)
        {
            root = root.InnerException;
        }

        return (root ?? failure).Message.Split('\n')[0];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Table Storage at {Endpoint} does not answer ({Reason}) while {Activity}; retrying. "
        + "Running locally? Start Azurite first: ./scripts/run.sh starts it with the app, or run `node scripts/azurite-table.js 10002` alone.")]
    private static partial void LogUnavailable(ILogger logger, string endpoint, string activity, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table Storage at {Endpoint} answers again.")]
    private static partial void LogAvailable(ILogger logger, string endpoint);
}
