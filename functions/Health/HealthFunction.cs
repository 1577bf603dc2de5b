using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Reintegration.Functions.Http;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Health;

/// <summary>Liveness and storage reachability, for load balancers and operators. Anonymous.</summary>
public sealed class HealthFunction(StorageHealth storage)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    [Function("Health")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await storage.IsAvailableAsync(cancellationToken)
            ? TypedResults.Ok(new HealthReport("ok", "ok"))
            : Problems.ServiceUnavailable("Table Storage does not answer.", RetryAfter);
}

/// <summary>The body of a healthy answer.</summary>
public sealed record HealthReport(string Status, string Storage);
