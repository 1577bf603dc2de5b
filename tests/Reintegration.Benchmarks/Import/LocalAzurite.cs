using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Reintegration.Benchmarks.Import;

/// <summary>
/// The benchmark's own Azurite Table service, in memory on a free loopback port, started through the
/// project's launcher (scripts/azurite-table.js) from the npm packages that scripts/test.sh installs.
/// Disposing kills its process tree; if this process dies first, the launcher sees its stdin (a pipe
/// held by this process) close and exits too.
/// </summary>
internal sealed class LocalAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;

    private LocalAzurite(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>CPU time the service has used so far (all its threads): what each side costs the server.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The development account's connection string for this service's Table endpoint.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";

    /// <exception cref="AzuriteUnavailableException">Azurite is not installed, node is missing, or the service did not come up.</exception>
    public static async Task<LocalAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        if (!File.Exists(Path.Combine(root, "node_modules", "azurite", "package.json")))
        {
            throw new AzuriteUnavailableException($"Azurite is not installed in {root}: run scripts/test.sh (it runs npm ci) or `npm ci` at the repository root.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node", [Path.Combine(root, "scripts", "azurite-table.js"), port.ToString(CultureInfo.InvariantCulture), "--exit-with-parent"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new AzuriteUnavailableException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new AzuriteUnavailableException($"node could not be started ({e.Message}): Azurite needs Node.js on the PATH.");
        }

        // Drained, so that a chatty service never blocks on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new LocalAzurite(process, port);
        try
        {
            var waited = Stopwatch.StartNew();
            while (!await AnswersAsync(port, cancellationToken))
            {
                if (process.HasExited)
                {
                    throw new AzuriteUnavailableException($"Azurite exited with code {process.ExitCode} before it answered on port {port}.");
                }

                if (waited.Elapsed > StartTimeout)
                {
                    throw new AzuriteUnavailableException($"Azurite did not answer on port {port} within {StartTimeout.TotalSeconds:0} s.");
                }

                await Task.Delay(100, cancellationToken);
            }

            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The checkout this program runs from, found by walking up to the solution file.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reintegration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new AzuriteUnavailableException($"No Reintegration.sln above {AppContext.BaseDirectory}: run the benchmark from a checkout.");
    }

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

/// <summary>The benchmark cannot get a Table service to run against: the message says what to do.</summary>
internal sealed class AzuriteUnavailableException(string message) : Exception(message);
