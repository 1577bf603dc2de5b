using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Simmy;

namespace Reintegration.Storage.Infrastructure;

/// <summary>The storage pipeline's settings, bound from <c>Reintegration:StorageResilience</c>.</summary>
public sealed class StorageResilienceOptions
{
    public const string SectionName = "Reintegration:StorageResilience";

    /// <summary>
    /// How long one HTTP request may wait for storage in all before it answers 503 (enforced by the
    /// HTTP layer). Background work (loading the index, digests) is bounded by <see cref="OverallTimeout"/> per call.
    /// </summary>
    public TimeSpan RequestBudget { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Shorter than <see cref="RequestBudget"/>, so that an attempt to a stalled service fails (and counts
    /// toward the breaker) before the request gives up on it: a request cut by its budget counts for nothing.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxRetryAttempts { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public double BreakFailureRatio { get; set; } = 0.5;

    /// <summary>Sixteen callers each failing an attempt open the breaker: an outage under load is seen in one attempt timeout.</summary>
    public int BreakMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Share of calls (0..1) failed with a transient fault before they reach storage: for chaos tests only, never in production.</summary>
    public double ChaosFaultRate { get; set; }

    /// <summary>
    /// Share of calls (0..1) whose answer is lost after storage applied them (reported as a transient
    /// fault): proves that a retried write is idempotent. For chaos tests only, never in production.
    /// </summary>
    public double ChaosLostResponseRate { get; set; }
}

/// <summary>
/// The one resilience pipeline every storage call goes through: an overall timeout, then retries with
/// exponential back-off and jitter on transient failures only, then a circuit breaker, then a timeout
/// per attempt; chaos (when enabled for tests) sits innermost, where a real fault would arise.
/// </summary>
public static class StorageResilience
{
    public const string PipelineName = "reintegration-storage";

    public static IServiceCollection AddStorageResilience(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<CircuitBreakerStateProvider>();
        services.AddSingleton<StorageTelemetry>();
        services.AddResiliencePipeline(PipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<StorageResilienceOptions>>().Value;
            Configure(builder, options, context.ServiceProvider.GetRequiredService<StorageTelemetry>(),
                context.ServiceProvider.GetRequiredService<CircuitBreakerStateProvider>());
        });
        return services;
    }

    internal static void Configure(
        ResiliencePipelineBuilder builder,
        StorageResilienceOptions options,
        StorageTelemetry? telemetry = null,
        CircuitBreakerStateProvider? breaker = null)
    {
        var transient = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient);
        builder
            .AddTimeout(options.OverallTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                OnRetry = _ =>
                {
                    telemetry?.Retried();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakFailureRatio,
                MinimumThroughput = options.BreakMinimumThroughput,
                SamplingDuration = options.BreakSamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = breaker,
            })
            .AddTimeout(options.AttemptTimeout);
        if (options.ChaosLostResponseRate > 0)
        {
            builder.AddStrategy(_ => new LostResponseChaos(options.ChaosLostResponseRate), new LostResponseChaosOptions());
        }

        if (options.ChaosFaultRate > 0)
        {
            builder.AddChaosFault(options.ChaosFaultRate, () => new RequestFailedException(503, "Chaos: injected storage fault."));
        }
    }
}
