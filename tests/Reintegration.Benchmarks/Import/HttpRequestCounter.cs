using System.Diagnostics.Metrics;

namespace Reintegration.Benchmarks.Import;

/// <summary>
/// Counts the HTTP requests this process completes, from HttpClient's own metrics
/// (<c>System.Net.Http</c>, <c>http.client.request.duration</c>): the round trips each phase made,
/// whichever client made them.
/// </summary>
internal sealed class HttpRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _completed;

    public HttpRequestCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _completed));
        _listener.Start();
    }

    /// <summary>Requests completed since this counter started.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public void Dispose() => _listener.Dispose();
}
