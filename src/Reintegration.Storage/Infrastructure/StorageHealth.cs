using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Answers whether Table Storage responds right now: no at once while the storage pipeline's breaker is
/// open, else one cheap request, bounded by <see cref="StorageOptions.HealthProbeTimeout"/> (under a
/// second, so health answers within one whatever storage does), never retried.
/// </summary>
public sealed class StorageHealth(TableServiceClient client, CircuitBreakerStateProvider circuit, IOptions<StorageOptions> options)
{
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        if (circuit.CircuitState is CircuitState.Open or CircuitState.Isolated)
        {
            return false;
        }

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
