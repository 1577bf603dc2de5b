using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Http;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Health;

/// <summary>
/// Readiness, for load balancers and operators. Anonymous. 503 while this instance's opening index is
/// loading (with how far it got) or Table Storage does not answer; 200 with the index's size and age
/// once it serves. Answers within a second in every state: the index's state is in memory, and the
/// storage probe is bounded (and skipped while the breaker is open).
/// </summary>
public sealed class HealthFunction(StorageHealth storage, IndexSynchronizer synchronizer, TimeProvider time)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    [Function("Health")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (synchronizer.Status is IndexLoading loading)
        {
            return Problems.IndexLoading(loading, loading.RetryAfter(now), "The opening index of this instance is still loading.");
        }

        if (!await storage.IsAvailableAsync(cancellationToken))
        {
            return Problems.ServiceUnavailable("Table Storage does not answer.", RetryAfter);
        }

        var ready = (IndexReady)synchronizer.Status;
        var age = Math.Max(0, (now - ready.FreshAt).TotalSeconds);
        return TypedResults.Ok(new HealthReport("ok", "ok", new IndexHealth(ready.Openings, Math.Round(age, 1), ready.LoadedFrom)));
    }
}

/// <summary>The body of a healthy answer.</summary>
public sealed record HealthReport(string Status, string Storage, IndexHealth Index);

/// <summary>
/// The opening index: how many open openings it holds, how many seconds ago it last caught up with the
/// change log (another instance's write is in it once it is older than this), and what it was loaded from.
/// </summary>
public sealed record IndexHealth(int Openings, double AgeSeconds, string LoadedFrom);
