namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Table Storage did not answer, after the resilience pipeline's retries (or its circuit is open).
/// The HTTP layer turns this into 503 with Retry-After; a caller may re-send the same request, which
/// converges because every write is an idempotent upsert.
/// </summary>
public sealed class StorageUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
