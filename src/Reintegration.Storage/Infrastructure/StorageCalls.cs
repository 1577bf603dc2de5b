using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// Runs a storage call through the resilience pipeline and turns "storage is not answering" into the
/// one typed failure the HTTP layer maps to 503. Other failures (a 409, a 412) reach the caller as they are.
/// </summary>
public sealed class StorageCalls(ResiliencePipelineProvider<string> pipelines, IOptions<StorageResilienceOptions> options)
{
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(StorageResilience.PipelineName);

    /// <param name="call">The call, attempted as often as the pipeline allows.</param>
    /// <param name="cancellationToken">Ends the call and its retries.</param>
    /// <param name="operation">Names the call's span (filled in by the compiler: the calling store method).</param>
    /// <param name="caller">The calling store's file, whose name is the store's.</param>
    public async Task<T> RunAsync<T>(
        Func<CancellationToken, ValueTask<T>> call,
        CancellationToken cancellationToken,
        [CallerMemberName] string operation = "",
        [CallerFilePath] string caller = "")
    {
        // Named for the store and its method only: keys and values can be personal data.
        using var span = StorageTelemetry.Source.StartActivity(
            $"{Path.GetFileNameWithoutExtension(caller)}.{operation}", ActivityKind.Client);
        span?.SetTag("db.system.name", "azure.tables");
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, "circuit open");
            throw new StorageUnavailableException("Table Storage is unavailable (circuit open).", e.RetryAfter ?? options.Value.BreakDuration, e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailures.MeansUnavailable(e))
        {
            span?.SetStatus(ActivityStatusCode.Error, "unavailable");
            throw new StorageUnavailableException("Table Storage did not answer.", options.Value.BreakDuration, e);
        }
    }

    public Task RunAsync(
        Func<CancellationToken, ValueTask> call,
        CancellationToken cancellationToken,
        [CallerMemberName] string operation = "",
        [CallerFilePath] string caller = "") =>
        RunAsync<bool>(async token =>
        {
            await call(token);
            return true;
        }, cancellationToken, operation, caller);
}
