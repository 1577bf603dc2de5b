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

    public PeakMemory()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, Interval, Interval);
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
        using var process = Process.GetCurrentProcess();
        return Math.Max(Volatile.Read(ref _peakBytes), process.PeakWorkingSet64);
    }

    public double PeakMegabytes() => PeakBytes() / (1024.0 * 1024.0);

    public void Dispose() => _timer.Dispose();
}
