using System.Net.Sockets;
using Azure;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Which storage failures are worth another attempt: timeouts, throttling, server errors and I/O
/// faults. Never a client error (400, 404, 409 conflict, 412 ETag mismatch): those would fail again.
/// </summary>
public static class TransientFailures
{
    private static readonly int[] TransientStatuses = [408, 429, 500, 502, 503, 504];

    public static bool IsTransient(Exception exception) => exception switch
    {
        // Status 0: the request never got an HTTP answer (connection refused, reset, DNS).
        RequestFailedException failed => failed.Status == 0 || TransientStatuses.Contains(failed.Status),
        TimeoutRejectedException => true,
        HttpRequestException or IOException or SocketException => true,
        // The SDK's own network timeout surfaces as a cancellation the caller did not ask for.
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>Whether the failure means storage is unavailable to the caller now (after the pipeline gave up).</summary>
    public static bool MeansUnavailable(Exception exception) => exception is BrokenCircuitException or IsolatedCircuitException || IsTransient(exception);
}
