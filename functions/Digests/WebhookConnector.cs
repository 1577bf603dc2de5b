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
