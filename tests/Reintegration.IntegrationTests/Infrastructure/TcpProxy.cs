using System.Net;
using System.Net.Sockets;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP proxy in front of a service, that a test can cut (every connection dropped, new
/// ones refused), stall (connections accepted and kept, nothing passed either way: a service that
/// hangs) and restore: an outage of the service without losing its data.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private volatile bool _stalled;

    private TcpProxy(int target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public static TcpProxy Start(int targetPort)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new TcpProxy(targetPort, port);
        proxy.Restore();
        return proxy;
    }

    /// <summary>Holds every byte sent either way from now on, on open connections and new ones, until <see cref="Restore"/>.</summary>
    public void Stall() => _stalled = true;

    /// <summary>Serves again; connections that were stalled are dropped (their requests are lost, as after a real hang).</summary>
    public void Restore()
    {
        if (_stalled)
        {
            _stalled = false;
            DropAll();
        }

        lock (_lock)
        {
            if (_listener is not null)
            {
                return;
            }

            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            var listener = _listener;
            _accepting = Task.Run(() => AcceptAsync(listener));
        }
    }

    public void Cut()
    {
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
        }

        DropAll();
    }

    private void DropAll()
    {
        lock (_lock)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => PipeAsync(listener, inbound));
        }
    }

    private async Task PipeAsync(TcpListener acceptedBy, TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_lock)
        {
            // Accepted just before a cut but piped after it: it must not outlive the cut.
            if (!ReferenceEquals(_listener, acceptedBy))
            {
                inbound.Dispose();
                outbound.Dispose();
                return;
            }

            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target);
            using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var a = PumpAsync(inbound.GetStream(), outbound.GetStream(), cut.Token);
            var b = PumpAsync(outbound.GetStream(), inbound.GetStream(), cut.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    private async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return;
            }

            while (_stalled)
            {
                await Task.Delay(50, cancellationToken);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
