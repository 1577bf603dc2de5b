using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Reintegration.HostEmulator.Emulator;

/// <summary>
/// The worker process, started as the Functions host starts a .NET isolated worker: worker.config.json's
/// executable and worker path, in the script root, with the host's command line (its gRPC endpoint twice,
/// as --host/--port and --functions-uri, and the worker and request ids) and the environment it adds
/// (FUNCTIONS_WORKER_DIRECTORY, FUNCTIONS_APPLICATION_DIRECTORY) on top of the app settings.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    /// <summary>Everything the worker wrote to stdout and stderr.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public string WorkerId { get; private init; } = "";

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public Task Exited => _process.WaitForExitAsync();

    public static WorkerProcess Start(AppDirectory app, Uri hostEndpoint, IDictionary<string, string?> appSettings)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var maxMessageLength = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(app.Executable)
        {
            WorkingDirectory = app.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(app.Path, app.WorkerPath));
        string[] hostArguments =
        [
            "--host", hostEndpoint.Host, "--port", hostEndpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", hostEndpoint.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxMessageLength,
        ];
        foreach (var argument in hostArguments)
        {
            start.ArgumentList.Add(argument);
        }

        // App settings reach the worker as environment variables, ':' written as '__'.
        foreach (var (key, value) in appSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["AzureWebJobsScriptRoot"] = app.Path;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Path;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Path;
        // The test runner's own settings must not leak into the worker.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{app.Executable} did not start.");
        var worker = new WorkerProcess(process) { WorkerId = workerId };
        process.OutputDataReceived += (_, e) => worker.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public string OutputText => string.Join('\n', Output);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }
}
