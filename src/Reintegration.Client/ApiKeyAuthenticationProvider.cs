using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Reintegration.Client;

/// <summary>
/// Sends the API key in the <c>x-api-key</c> header of every request: over https, or over plain http to this
/// machine only (a loopback address or <c>localhost</c>, where the app runs in development). Any other
/// http address is refused before anything is sent, so that a key never crosses a network in the clear.
/// (Kiota's own <see cref="Microsoft.Kiota.Abstractions.Authentication.ApiKeyAuthenticationProvider"/>
/// refuses http altogether, so it cannot reach the app on a developer's machine.)
/// </summary>
public sealed class ApiKeyAuthenticationProvider : IAuthenticationProvider
{
    /// <summary>The header the API reads the key from.</summary>
    public const string Header = "x-api-key";

    private readonly string _apiKey;

    public ApiKeyAuthenticationProvider(string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _apiKey = apiKey;
    }

    /// <summary>Whether the key may be sent to <paramref name="uri"/>: https anywhere, http only to loopback.</summary>
    public static bool MaySendTo(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));
    }

    public Task AuthenticateRequestAsync(
        RequestInformation request,
        Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.URI;
        if (!MaySendTo(uri))
        {
            throw new ArgumentException(
                $"The API key is sent over https, or over http to this machine only; not to {uri.Scheme}://{uri.Authority}.",
                nameof(request));
        }

        request.Headers.TryAdd(Header, _apiKey);
        return Task.CompletedTask;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
