using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Reintegration.Testing;

/// <summary>
/// One Azurite, in memory, its Table and Blob services each on a free loopback port, started through the project's own
/// launcher (scripts/azurite-table.js) from the npm packages that scripts/test.sh installs. It ends
/// when stopped or disposed, and on its own if this process dies (the launcher watches its stdin, a
/// pipe this process holds). Shared by the integration tests and the benchmarks (linked, not referenced).
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    // Patience, not a speed claim: on a loaded machine (two cores, other builds) node can take well over 30 s to start.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private Process? _process;

    private Azurite(int port, int blobPort) => (Port, BlobPort) = (port, blobPort);

    /// <summary>The Table service's port.</summary>
    public int Port { get; }

    /// <summary>The Blob service's port (index snapshots).</summary>
    public int BlobPort { get; }

    public string ConnectionString => ConnectionStringFor(Port, BlobPort);

    /// <summary>CPU time the service has used so far (all its threads): what work costs the server.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process?.Refresh();
            return _process?.TotalProcessorTime ?? TimeSpan.Zero;
        }
    }

    /// <summary>
    /// The development account's connection string for a Table endpoint on this port (Azurite's, or a
    /// proxy's in front of it), and a Blob endpoint on <paramref name="blobPort"/> (none: port 1, where nothing answers).
    /// </summary>
    public static string ConnectionStringFor(int port, int blobPort = 1) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";

    /// <exception cref="AzuriteUnavailableException">Azurite is not installed, node is missing, or the service did not come up.</exception>
    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var azurite = new Azurite(FreePort(), FreePort());
        await azurite.RestartAsync(cancellationToken);
        return azurite;
    }

    /// <summary>Starts the service again on the same port (its data is gone: it lives in memory).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        var root = RepositoryRoot.Path;
        if (!File.Exists(Path.Combine(root, "node_modules", "azurite", "package.json")))
        {
            throw new AzuriteUnavailableException($"Azurite is not installed in {root}: run scripts/test.sh (it runs npm ci) or `npm ci` at the repository root.");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(root, "scripts", "azurite-table.js"),
            Port.ToString(CultureInfo.InvariantCulture), BlobPort.ToString(CultureInfo.InvariantCulture), "--exit-with-parent"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new AzuriteUnavailableException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new AzuriteUnavailableException($"node could not be started ({e.Message}): Azurite needs Node.js on the PATH.");
        }

        // Drained, so that a chatty service never blocks on a full pipe.
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        while (!await AnswersAsync(Port, cancellationToken) || !await AnswersAsync(BlobPort, cancellationToken))
        {
            if (_process.HasExited || waited.Elapsed > StartTimeout)
            {
                var why = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"did not answer within {StartTimeout.TotalSeconds:0} s";
                await StopAsync();
                throw new AzuriteUnavailableException($"Azurite {why} on port {Port}.");
            }

            await Task.Delay(100, cancellationToken);
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
        while (await AnswersAsync(Port, CancellationToken.None) || await AnswersAsync(BlobPort, CancellationToken.None))
        {
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
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

/// <summary>No Table service can be had to run against: the message says what to do.</summary>
public sealed class AzuriteUnavailableException(string message) : Exception(message);
