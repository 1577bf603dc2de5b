using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Reintegration.Validation;

namespace Reintegration.Functions.Digests;

/// <summary>
/// POSTs a digest to a centre's webhook through its own Polly pipeline (retries with exponential
/// back-off and jitter, a timeout per attempt). Redirects are never followed, so a digest cannot be
/// steered to another host; the address is checked again before every send, and the connection is made
/// only to an address the service may send to (<see cref="WebhookConnector"/>).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly bool _allowLoopback;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookConnector connector, TimeProvider time)
    {
        var settings = options.Value;
        _allowLoopback = settings.AllowLoopback;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, token) => connector.ConnectAsync(context.DnsEndPoint, token),
        };
        _client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Reintegration-Digest", "1.0"));
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, settings.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => !response.IsSuccessStatusCode),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>Whether the webhook took the digest (a 2xx), and how many attempts it took.</summary>
    public async Task<(bool Delivered, int Attempts)> SendAsync(string url, string json, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (WebhookAddress.Problem(url, _allowLoopback) is not null)
        {
            return (false, 0);
        }

        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return await _client.SendAsync(request, token);
            }, cancellationToken);
            return (response.IsSuccessStatusCode, attempts);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            return (false, attempts);
        }
    }

    public void Dispose() => _client.Dispose();
}
