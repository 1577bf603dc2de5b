using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Answers whether Table Storage responds right now: one cheap request, bounded in time, never retried.</summary>
public sealed class StorageHealth(TableServiceClient client, IOptions<StorageOptions> options)
{
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthProbeTimeout);
        try
        {
            await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages())
            {
                break;
            }

            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
