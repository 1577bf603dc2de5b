using Azure;
using Polly;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// A chaos strategy Polly does not ship: the call runs and storage applies it, then the answer is
/// "lost" (a transient fault), as when a connection drops after a write. The retry that follows must
/// find the write already done and converge, never duplicate it.
/// </summary>
internal sealed class LostResponseChaos(double rate) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state);
        return outcome.Exception is null && Random.Shared.NextDouble() < rate
            ? Outcome.FromException<TResult>(new RequestFailedException(503, "Chaos: the answer was lost after storage applied the call."))
            : outcome;
    }
}

/// <summary>Names the strategy in pipeline descriptors.</summary>
internal sealed class LostResponseChaosOptions : ResilienceStrategyOptions
{
    public LostResponseChaosOptions() => Name = "LostResponseChaos";
}
