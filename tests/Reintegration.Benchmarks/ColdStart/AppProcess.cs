using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.ColdStart;

/// <summary>
/// The app (its build, or its ReadyToRun publish as deployed) started as its own process (as a new serverless
/// instance starts) on a free port, over the given storage; timed from the process's start to its first served match.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly long _started;

    private AppProcess(Process process, Uri address, long started)
    {
        _process = process;
        Address = address;
        _started = started;
    }

    public Uri Address { get; }

    /// <summary>The app's assembly beside the benchmark's own build (the project reference builds it in the same configuration).</summary>
    public static string Built =>
        Path.Combine(RepositoryRoot.Path, "functions", "bin", Configuration, "net10.0", "Reintegration.Functions.dll");

    /// <summary>Release or Debug: this benchmark's own, from its output folder (bin/{configuration}/net10.0/).</summary>
    private static string Configuration => Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/')))!;

    /// <summary>The app's assembly in the given form: its build, or its ReadyToRun publish (published first if out of date).</summary>
    public static string Assembly(AppForm form, Progress progress) => form switch
    {
        AppForm.Jit when !File.Exists(Built) =>
            throw new InvalidOperationException($"{Built} is not built; build the benchmarks in the same configuration first."),
        AppForm.Jit => Built,
        _ => ReadyToRunPublish.Functions.Ensure(progress),
    };

    /// <param name="settings">The app's configuration, passed as environment variables.</param>
    /// <param name="assembly">The app's assembly: <see cref="Built"/>, or another from <see cref="Assembly"/>.</param>
    /// <param name="niced">At the lowest priority: for setup, not what is timed (it yields the cores).</param>
    public static AppProcess Start(Dictionary<string, string> settings, string? assembly = null, bool niced = false)
    {
        assembly ??= Built;
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (niced)
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.FileName = "nice";
            start.ArgumentList.Insert(0, "19");
            start.ArgumentList.Insert(0, "-n");
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["urls"] = address.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Reintegration"] = "Information";
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, started, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, started, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, address, started) { Log = log };
    }

    /// <summary>What the app printed (its engine log lines at Information and above), stamped with the seconds since it started.</summary>
    public StringBuilder Log { get; private init; } = new();

    /// <summary>When the app first answered an HTTP request (any status: 503 while its index loads), since the process started.</summary>
    public TimeSpan? FirstAnswer { get; private set; }

    /// <summary>Asks for matches until one is served (200); returns the time since the process started.</summary>
    public async Task<TimeSpan> FirstMatchAsync(string centreKey, string profileJson, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("x-api-key", centreKey);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            if (Stopwatch.GetElapsedTime(_started) > timeout)
            {
                throw new TimeoutException($"No match was served within {timeout}:\n{Log}");
            }

            try
            {
                using var content = new StringContent(profileJson, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/matches", content);
                FirstAnswer ??= Stopwatch.GetElapsedTime(_started);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(_started);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answered within the client's 10 s (a loaded machine): asked again, the start's timeout still bounds it.
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The process's peak resident memory (VmHWM), in MB; NaN where /proc is not there.</summary>
    public double PeakMegabytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? double.NaN : long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
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

    private static void Append(StringBuilder log, long started, string? line)
    {
        if (line is not null)
        {
            var stamp = Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            lock (log)
            {
                log.Append('[').Append(stamp).Append(" s] ").AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
