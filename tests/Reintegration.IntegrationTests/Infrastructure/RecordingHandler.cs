using System.Net;
using System.Net.Http.Headers;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// The last answer that came over the wire, as it came: status, media type and body (read once, then left for the client to read).
/// </summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    public (HttpStatusCode Status, string? MediaType, string Body, HttpResponseHeaders Headers) Last { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Last = (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers);
        return response;
    }
}
