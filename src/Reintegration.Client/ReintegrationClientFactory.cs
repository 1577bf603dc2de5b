using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace Reintegration.Client;

/// <summary>Makes a <see cref="ReintegrationClient"/> that sends one API key (the admin's or a centre's) with every request.</summary>
public static class ReintegrationClientFactory
{
    /// <summary>A client of the app that sends <paramref name="apiKey"/>. Make one per key and keep it: it holds its connections.</summary>
    /// <param name="baseUrl">
    /// The app: <c>https://&lt;app&gt;.azurewebsites.net</c>, or <c>http://127.0.0.1:7071</c> on this machine.
    /// </param>
    /// <param name="apiKey">The admin key, or a centre's.</param>
    /// <param name="httpClient">
    /// The HTTP client to send through; by default, one with Kiota's middleware (which retries a 503 as its
    /// Retry-After asks) and without following redirects, which the API never answers with.
    /// </param>
    public static ReintegrationClient Create(Uri baseUrl, string apiKey, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var adapter = new HttpClientRequestAdapter(new ApiKeyAuthenticationProvider(apiKey), httpClient: httpClient ?? CreateHttpClient())
        {
            BaseUrl = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'),
        };
        return new ReintegrationClient(adapter);
    }

    /// <summary>
    /// An HTTP client with Kiota's middleware but its redirect handler, set up with <paramref name="options"/>
    /// (<c>new RetryHandlerOption { MaxRetry = 0 }</c> turns retries off), ending in <paramref name="finalHandler"/> (by default, Kiota's).
    /// </summary>
    public static HttpClient CreateHttpClient(HttpMessageHandler? finalHandler = null, IRequestOption[]? options = null) =>
        KiotaClientFactory.Create(
            [.. KiotaClientFactory.CreateDefaultHandlers(options).Where(h => h is not RedirectHandler)], finalHandler);
}
