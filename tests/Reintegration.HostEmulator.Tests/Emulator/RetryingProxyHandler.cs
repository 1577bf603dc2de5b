namespace Reintegration.HostEmulator.Emulator;

/// <summary>
/// Retries forwarding a request the worker's listener refused, as the host's proxy does: up to 10 attempts,
/// 50 ms apart at first, doubling up to 250 ms (the worker may report its HTTP URI before it listens there).
/// </summary>
public sealed class RetryingProxyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(250);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await Task.Delay(delay, cancellationToken);
                delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
            }
        }
    }
}
