using System.Diagnostics;

namespace Reintegration.Benchmarks.Harness;

/// <summary>Latencies of one operation, in milliseconds, from <see cref="Stopwatch.GetTimestamp"/> pairs.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly List<double> _ms = new(capacity);
    private double[]? _sorted;

    public int Count => _ms.Count;

    public void Add(long startTimestamp, long endTimestamp)
    {
        _ms.Add(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds);
        _sorted = null;
    }

    /// <summary>The nearest-rank percentile (the smallest latency at or above <paramref name="percent"/>% of them); NaN when empty.</summary>
    public double Percentile(double percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (_ms.Count == 0)
        {
            return double.NaN;
        }

        if (_sorted is null)
        {
            _sorted = [.. _ms];
            Array.Sort(_sorted);
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Mean() => _ms.Count == 0 ? double.NaN : _ms.Average();

    public double Max() => _ms.Count == 0 ? double.NaN : _ms.Max();
}
