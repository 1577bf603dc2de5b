using System.Globalization;
using System.Net;

namespace Reintegration.Demo.Loader;

/// <summary>
/// Sends a request again while it is worth it (see <see cref="RetryPolicy"/>): after a 503, as long as its
/// Retry-After asks, and after a connection failure or an attempt that took longer than
/// <see cref="RetryPolicy.AttemptTimeout"/>. Every write the loader makes is an upsert by external reference,
/// so sending one again is harmless; a registration retried after a lost answer finds its centre taken
/// (409), which the loader treats as a rerun does.
/// </summary>
/// <exception cref="ApiFailure">No answer came after the last attempt.</exception>
internal sealed class RetryingHandler(RetryPolicy retry, TimeProvider time, Action<string> warn) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered once, so that every attempt sends the whole body again.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var call = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? delay;
            string why;
            using var timeout = new CancellationTokenSource(retry.AttemptTimeout, time);
            using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var response = await base.SendAsync(request, attemptToken.Token);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return response;
                }

                var retryAfter = response.Headers.TryGetValues("Retry-After", out var values)
                    ? RetryPolicy.ParseRetryAfter(values.FirstOrDefault(), time.GetUtcNow())
                    : null;
                delay = retry.DelayAfter(attempt, retryAfter);
                if (delay is null)
                {
                    return response;
                }

                response.Dispose();
                why = "503 Service Unavailable";
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                delay = retry.DelayAfter(attempt, null)
                    ?? throw new ApiFailure($"{call}: no answer after {attempt} attempts ({e.Message}).");
                why = e.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                delay = retry.DelayAfter(attempt, null) ?? throw new ApiFailure($"{call}: timed out {attempt} times.");
                why = "timed out";
            }

            warn(string.Create(CultureInfo.InvariantCulture,
                $"{call}: {why}; trying again in {delay.Value.TotalSeconds:0.#} s (attempt {attempt + 1} of {retry.MaxAttempts})."));
            await Task.Delay(delay.Value, time, cancellationToken);
        }
    }
}
