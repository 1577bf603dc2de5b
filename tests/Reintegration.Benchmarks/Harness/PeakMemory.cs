using System.Diagnostics;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// The process's peak working set: sampled every <see cref="Interval"/> and whenever asked, and at the
/// end taken together with the operating system's own high-water mark (<see cref="Process.PeakWorkingSet64"/>,
/// VmHWM on Linux), which also catches peaks between samples.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Timer _timer;
    private long _peakBytes;
    private bool _systemPeakCounts = true;

    public PeakMemory()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, Interval, Interval);
    }

    /// <summary>
    /// Starts a new measurement: collects what earlier steps left behind, and forgets the peak so
    /// far, the operating system's too where it can (Linux: writing 5 to /proc/self/clear_refs
    /// resets VmHWM). Where it cannot, only the samples count from here on.
    /// </summary>
    public void Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            _systemPeakCounts = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _systemPeakCounts = false;
        }

        Volatile.Write(ref _peakBytes, 0);
        Sample();
    }

    /// <summary>Records the working set now.</summary>
    public void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        do
        {
            seen = Volatile.Read(ref _peakBytes);
        }
        while (now > seen && Interlocked.CompareExchange(ref _peakBytes, now, seen) != seen);
    }

    /// <summary>The highest working set seen so far, in bytes.</summary>
    public long PeakBytes()
    {
        Sample();
        if (!_systemPeakCounts)
        {
            return Volatile.Read(ref _peakBytes);
        }

        using var process = Process.GetCurrentProcess();
        return Math.Max(Volatile.Read(ref _peakBytes), process.PeakWorkingSet64);
    }

    public double PeakMegabytes() => PeakBytes() / (1024.0 * 1024.0);

    public void Dispose() => _timer.Dispose();
}
