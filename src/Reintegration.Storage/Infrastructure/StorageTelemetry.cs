using System.Diagnostics;
using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace Reintegration.Storage.Infrastructure;

/// <summary>
/// What storage reports to telemetry: a span for each storage call (named for the store and operation,
/// never for a key or a value), the retries the pipeline makes, and the state of its circuit breaker.
/// </summary>
public sealed class StorageTelemetry
{
    public const string SourceName = "Reintegration.Storage";
    public const string MeterName = "Reintegration.Storage";

    /// <summary>Spans of storage calls: one source for the process, as ActivitySources are.</summary>
    internal static readonly ActivitySource Source = new(SourceName);

    private readonly Counter<long> _retries;

    public StorageTelemetry(IMeterFactory meters, CircuitBreakerStateProvider breaker)
    {
        var meter = meters.Create(MeterName);
        _retries = meter.CreateCounter<long>(
            "reintegration.storage.retries", "{retry}", "Storage calls retried after a transient failure.");
        meter.CreateObservableGauge("reintegration.storage.breaker.state", () => BreakerState(breaker.CircuitState), "{state}",
            "The storage circuit breaker: 0 closed, 1 half-open, 2 open, 3 isolated.");
    }

    internal void Retried() => _retries.Add(1);

    private static int BreakerState(CircuitState state) => state switch
    {
        CircuitState.Closed => 0,
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 3,
    };
}
