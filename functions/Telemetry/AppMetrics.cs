using System.Diagnostics.Metrics;
using Reintegration.Matching.Index;
using Reintegration.Storage.Openings;

namespace Reintegration.Functions.Telemetry;

/// <summary>The app's own measurements: how long matching and digests take, and how big and fresh the opening index is.</summary>
public sealed class AppMetrics
{
    public const string MeterName = "Reintegration";

    private readonly Histogram<double> _matchDuration;
    private readonly Histogram<double> _digestDuration;

    public AppMetrics(IMeterFactory meters, OpeningIndex index, IndexSynchronizer synchronizer, TimeProvider time)
    {
        var meter = meters.Create(MeterName);
        _matchDuration = meter.CreateHistogram<double>(
            "reintegration.match.duration", "ms", "Time to match one profile against the opening index.");
        _digestDuration = meter.CreateHistogram<double>(
            "reintegration.digest.duration", "s", "Time of one week's digest run, every centre.");
        meter.CreateObservableGauge("reintegration.index.size", () => index.Count, "{opening}", "Openings in this instance's index.");
        meter.CreateObservableGauge(
            "reintegration.index.age",
            () => synchronizer.CaughtUpAt is { } at
                ? [new Measurement<double>((time.GetUtcNow() - at).TotalSeconds)]
                : Array.Empty<Measurement<double>>(),
            "s",
            "Time since this instance's index last caught up with storage.");
    }

    public void Matched(TimeSpan elapsed) => _matchDuration.Record(elapsed.TotalMilliseconds);

    public void DigestRun(TimeSpan elapsed) => _digestDuration.Record(elapsed.TotalSeconds);
}
