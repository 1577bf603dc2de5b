using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Reintegration.HostEmulator.Emulator;

namespace Reintegration.HostEmulator.Scenarios;

/// <summary>The built app started on its own (no Functions host), as run.sh starts it: it serves its functions standalone.</summary>
public sealed class StandaloneProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private StandaloneProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string OutputText
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts the app and waits until it answers HTTP.</summary>
    /// <exception cref="WorkerStartException">The app exited or did not answer in time; the message has its output.</exception>
    public static async Task<StandaloneProcess> StartAsync(IDictionary<string, string?> appSettings, AppDirectory? app = null)
    {
        app ??= AppDirectory.OfBuild();
        var address = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(app.Path, app.WorkerPath));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.AbsoluteUri.TrimEnd('/'));
        foreach (var (key, value) in appSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var standalone = new StandaloneProcess(process, address);
        standalone._process.OutputDataReceived += (_, e) => standalone.Collect(e.Data);
        standalone._process.ErrorDataReceived += (_, e) => standalone.Collect(e.Data);
        standalone._process.BeginOutputReadLine();
        standalone._process.BeginErrorReadLine();
        try
        {
            await standalone.WaitUntilAnsweringAsync();
            return standalone;
        }
        catch
        {
            await standalone.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                // Exited is not drained: the last lines (the reason it stopped) may still be on their way.
                await _process.WaitForExitAsync();
                throw new WorkerStartException($"The standalone app exited with code {_process.ExitCode} before answering:\n{OutputText}");
            }

            try
            {
                using var _ = await probe.GetAsync(new Uri(Address, "api/openapi.json"));
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && waited.Elapsed < StartTimeout)
            {
                // Not listening yet, or too slow to answer on a loaded machine.
                await Task.Delay(200);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new WorkerStartException($"The standalone app did not answer within {StartTimeout.TotalSeconds:0} s:\n{OutputText}");
            }
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
}
