using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite Table service on a free loopback port, in memory, started through the project's own
/// launcher (scripts/azurite-table.js) from the npm packages that scripts/test.sh installs.
/// It ends when disposed, and on its own if this process dies (it watches its stdin).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;

    private Azurite(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The development account's connection string for a Table endpoint on this port (Azurite's, or a proxy's in front of it).</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite(FreePort());
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts the service again on the same port (its data is gone: it lives in memory).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        var launcher = System.IO.Path.Combine(RepositoryRoot.Path, "scripts", "azurite-table.js");
        if (!File.Exists(System.IO.Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "package.json")))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/test.sh (it runs npm ci) or npm ci at the repository root.");
        }

        var start = new ProcessStartInfo("node", [launcher, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exit-with-parent"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"Azurite did not start on port {Port}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
        // The port must be free again before anything counts on the service being down.
        while (await AnswersAsync())
        {
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<bool> AnswersAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
