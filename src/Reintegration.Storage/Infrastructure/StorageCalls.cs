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

    public async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new StorageUnavailableException("Table Storage is unavailable (circuit open).", e.RetryAfter ?? options.Value.BreakDuration, e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailures.MeansUnavailable(e))
        {
            throw new StorageUnavailableException("Table Storage did not answer.", options.Value.BreakDuration, e);
        }
    }

    public Task RunAsync(Func<CancellationToken, ValueTask> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);
}
