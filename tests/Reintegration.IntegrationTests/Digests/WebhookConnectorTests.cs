using System.Net;
using System.Net.Sockets;
using Reintegration.Functions.Digests;

namespace Reintegration.IntegrationTests.Digests;

public sealed class WebhookConnectorTests
{
    [Fact]
    public async Task Connect_NameResolvingIntoThePrivateNetwork_IsRefusedBeforeAnySocketOpens()
    {
        var connector = new WebhookConnector(allowLoopback: true, Resolving("10.0.0.7", "169.254.169.254"));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => connector.ConnectAsync(new DnsEndPoint("partner.example.org", 443), CancellationToken.None).AsTask());

        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    [Fact]
    public async Task Connect_NameRebindingToLoopback_IsRefusedWhereLoopbackIsNotAllowed()
    {
        using var listener = Listening(out var port);
        var connector = new WebhookConnector(allowLoopback: false, Resolving("127.0.0.1"));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => connector.ConnectAsync(new DnsEndPoint("partner.example.org", port), CancellationToken.None).AsTask());
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Connect_SkipsTheRefusedAddresses_AndConnectsToAnAllowedOne()
    {
        using var listener = Listening(out var port);
        var connector = new WebhookConnector(allowLoopback: true, Resolving("192.168.0.10", "127.0.0.1"));

        await using var stream = await connector.ConnectAsync(new DnsEndPoint("partner.example.org", port), CancellationToken.None);
        using var accepted = await listener.AcceptSocketAsync();

        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)accepted.RemoteEndPoint!).Address);
    }

    private static Func<string, CancellationToken, Task<IPAddress[]>> Resolving(params string[] addresses) =>
        (_, _) => Task.FromResult(addresses.Select(IPAddress.Parse).ToArray());

    private static TcpListener Listening(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
