using System.Net;
using System.Net.Sockets;
using Reintegration.Validation;

namespace Reintegration.Functions.Digests;

/// <summary>
/// Opens the connection for a webhook delivery only to an address the service may send to. The name is
/// resolved here, at the moment of sending, and the check is made on the address actually connected to:
/// a name that pointed to a public address when the centre registered it and now points into the
/// service's own network (DNS rebinding) gets nothing.
/// </summary>
public sealed class WebhookConnector(bool allowLoopback, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    /// <summary>How long registration waits for the name to resolve before it leaves the check to delivery.</summary>
    private static readonly TimeSpan ResolveBudget = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Why a webhook whose address is well formed (<see cref="WebhookAddress.Problem"/>) is refused at
    /// registration: its name resolves now to an address the service may not send to. A name that does
    /// not resolve (yet) is accepted: every delivery checks again.
    /// </summary>
    public async Task<string?> ResolvedProblemAsync(string url, CancellationToken cancellationToken)
    {
        var host = new Uri(url).IdnHost;
        if (IPAddress.TryParse(host, out _))
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ResolveBudget);
        IPAddress[] addresses;
        try
        {
            addresses = await _resolve(host, budget.Token);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return addresses.All(a => WebhookAddress.MaySendTo(a, allowLoopback))
            ? null
            : "Its host resolves to an address inside a private network, on this machine or link-local; a webhook must reach a public address.";
    }

    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await _resolve(endPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookAddress.MaySendTo(a, allowLoopback)).ToList();
        if (allowed.Count == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The webhook's host does not resolve to an address the service may send to.");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }

        throw new HttpRequestException(HttpRequestError.ConnectionError, "The webhook's host did not accept a connection.", last);
    }
}
