using System.Diagnostics;

namespace Reintegration.Benchmarks.Harness;

/// <summary>Human-readable progress on standard error, each line stamped with the seconds since the run began.</summary>
internal sealed class Progress
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public void Log(FormattableString message) =>
        Console.Error.WriteLine(FormattableString.Invariant($"[{Stopwatch.GetElapsedTime(_started).TotalSeconds,7:0.00} s] ") + FormattableString.Invariant(message));

    /// <summary>Runs <paramref name="step"/>, then logs what it did and how long it took.</summary>
    public T Time<T>(Func<T> step, Func<T, TimeSpan, FormattableString> done)
    {
        var start = Stopwatch.GetTimestamp();
        var result = step();
        Log(done(result, Stopwatch.GetElapsedTime(start)));
        return result;
    }
}
