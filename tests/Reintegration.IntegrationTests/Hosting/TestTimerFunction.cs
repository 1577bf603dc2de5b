using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.IntegrationTests.Hosting;

/// <summary>A timer function that exists only for tests: it records each run in <see cref="TestTimerProbe"/>.</summary>
public sealed class TestTimerFunction(TestTimerProbe probe)
{
    public const string ScheduleSetting = "Test:TickSchedule";

    /// <summary>Once a year: the default for apps whose tests do not watch this timer.</summary>
    public const string RareSchedule = "0 0 0 1 1 *";

    [Function("TestTick")]
    public async Task Tick([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var active = Interlocked.Increment(ref probe.Active);
        probe.MaxActive = Math.Max(probe.MaxActive, active);
        probe.Runs.Enqueue(timer);
        try
        {
            await probe.Gate.WaitAsync(cancellationToken);
            probe.Gate.Release();
        }
        finally
        {
            Interlocked.Decrement(ref probe.Active);
        }
    }
}

/// <summary>What the test timer saw; <see cref="Gate"/> lets a test hold a run open.</summary>
public sealed class TestTimerProbe
{
    public ConcurrentQueue<TimerInfo> Runs { get; } = new();

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Runs under way now, and the most ever under way at once.</summary>
    public int Active;
    public int MaxActive;
}
