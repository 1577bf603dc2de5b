using Reintegration.Client;

namespace Reintegration.Demo.Loader;

/// <summary>
/// The API as the loader calls it: through the generated client (Reintegration.Client), one client per key,
/// all over one HTTP pipeline that retries as <see cref="RetryingHandler"/> does instead of Kiota's own.
/// </summary>
internal sealed class LoaderApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly Dictionary<string, ReintegrationClient> _clients = new(StringComparer.Ordinal);

    /// <summary>
    /// Clients of the app at <paramref name="baseUrl"/>; requests go through <paramref name="transport"/> after the retries
    /// (by default, the network).
    /// </summary>
    public LoaderApi(Uri baseUrl, RetryPolicy retry, TimeProvider time, Action<string> warn, HttpMessageHandler? transport = null)
    {
        _baseUrl = baseUrl;
        var retrying = new RetryingHandler(retry, time, warn)
        {
            InnerHandler = transport ?? new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        // Each attempt has its own time limit (RetryPolicy.AttemptTimeout); the client's would cover all of them.
        _http = new HttpClient(retrying) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The client that sends <paramref name="apiKey"/>.</summary>
    public ReintegrationClient As(string apiKey)
    {
        if (!_clients.TryGetValue(apiKey, out var client))
        {
            _clients[apiKey] = client = ReintegrationClientFactory.Create(_baseUrl, apiKey, _http);
        }

        return client;
    }

    public void Dispose() => _http.Dispose();
}
