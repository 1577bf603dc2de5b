using System.Diagnostics;

namespace Reintegration.Benchmarks.Import;

/// <summary>What one phase cost: wall-clock time, HTTP round trips, and CPU time in this process and in Azurite.</summary>
internal sealed record PhaseCost(TimeSpan Elapsed, long Requests, TimeSpan ClientCpu, TimeSpan ServerCpu);

/// <summary>
/// Measures phases from the outside, the same way for both sides: garbage from before is collected
/// first, then the clock, HttpClient's request count and both processes' CPU time are read around the phase.
/// </summary>
internal sealed class CostMeter(HttpRequestCounter http, Azurite azurite)
{
    public async Task<(T Result, PhaseCost Cost)> MeasureAsync<T>(Func<Task<T>> phase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (requests, client, server) = (http.Completed, ClientCpu(), azurite.ProcessorTime);
        var start = Stopwatch.GetTimestamp();
        var result = await phase();
        var elapsed = Stopwatch.GetElapsedTime(start);
        return (result, new PhaseCost(elapsed, http.Completed - requests, ClientCpu() - client, azurite.ProcessorTime - server));
    }

    private static TimeSpan ClientCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
