using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Functions.Standalone;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Hosting;

public sealed class TimerSchedulingTests
{
    private static readonly DateTimeOffset TenOClock = new(2026, 11, 30, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task TimerFunction_ScheduleFromSetting_FiresInTheRunningApp()
    {
        await using var app = await TestApp.StartAsync(
            await SharedAzurite.GetAsync(),
            new Dictionary<string, string?> { [TestTimerFunction.ScheduleSetting] = "*/1 * * * * *" });
        var probe = app.Services.GetRequiredService<TestTimerProbe>();

        await Eventually.HoldsAsync(() => probe.Runs.Count >= 2);

        Assert.All(probe.Runs, run => Assert.NotNull(run.ScheduleStatus));
    }

    [Fact]
    public async Task Scheduler_OnTime_RunsAtTheOccurrenceNotPastDue()
    {
        var (scheduler, probe, time) = CreateScheduler("0 */5 * * * *");
        await scheduler.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => time.Waits == 1);

        time.Advance(TimeSpan.FromMinutes(4.5));
        await Eventually.HoldsAsync(() => probe.Runs.Count == 1);

        Assert.True(probe.Runs.TryPeek(out var run));
        Assert.False(run.IsPastDue);
        Assert.Equal(new DateTime(2026, 11, 30, 10, 5, 0, DateTimeKind.Utc), run.ScheduleStatus!.Next);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Scheduler_RunOutlastsOccurrences_NeverOverlapsAndCatchesUpOncePastDue()
    {
        var (scheduler, probe, time) = CreateScheduler("0 */5 * * * *");
        await probe.Gate.WaitAsync();
        await scheduler.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => time.Waits == 1);
        time.Advance(TimeSpan.FromMinutes(4.5));
        await Eventually.HoldsAsync(() => probe.Runs.Count == 1);

        // The 10:05 run is held past 10:10 and 10:15: the loop awaits it, so it starts no wait and no run meanwhile.
        // (Advance fires due timers at once, so nothing here depends on how fast the machine is; an overlapping
        // run would also show in MaxActive and in the exact list of runs below.)
        time.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(1, time.Waits);
        Assert.Single(probe.Runs);
        probe.Gate.Release();
        await Eventually.HoldsAsync(() => probe.Runs.Count == 2 && time.Waits == 2);
        time.Advance(TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(() => probe.Runs.Count == 3);

        var runs = probe.Runs.ToArray();
        Assert.Equal(1, probe.MaxActive);
        Assert.Equal([false, true, false], runs.Select(r => r.IsPastDue));
        Assert.Equal([5, 15, 20], runs.Select(r => r.ScheduleStatus!.Next.Minute));
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Schedule_UnknownSetting_IsRefusedWithItsName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("%Missing:Schedule%", new ConfigurationBuilder().Build()));

        Assert.Contains("Missing:Schedule", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 6 * * 1", "2026-11-30T06:00:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-28T17:05:00Z")]
    [InlineData("00:10:00", "2026-11-28T17:10:00Z")]
    public void Schedule_NextAfter_FollowsNcrontabWithSecondsOrAnInterval(string expression, string expected)
    {
        var schedule = TimerSchedule.Parse(expression, new ConfigurationBuilder().Build());

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            schedule.NextAfter(new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("0 6 * * 1")]
    [InlineData("every monday")]
    public void Schedule_NotSixFieldsNorInterval_IsRefused(string expression) =>
        Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression, new ConfigurationBuilder().Build()));

    private static (IHostedService Scheduler, TestTimerProbe Probe, WaitCountingTimeProvider Time) CreateScheduler(string schedule)
    {
        var time = new WaitCountingTimeProvider(TenOClock);
        var probe = new TestTimerProbe();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TestTimerFunction.ScheduleSetting] = schedule })
            .Build();
        var services = new ServiceCollection().AddSingleton(probe).BuildServiceProvider();
        var catalog = FunctionCatalog.Discover([typeof(TestTimerFunction).Assembly]);
        var scheduler = new TimerFunctionScheduler(catalog, services.GetRequiredService<IServiceScopeFactory>(), configuration, time,
            NullLogger<TimerFunctionScheduler>.Instance);
        return (scheduler, probe, time);
    }

    /// <summary>Counts the waits the scheduler starts, so a test moves time only once the scheduler waits.</summary>
    private sealed class WaitCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private int _waits;

        public int Waits => Volatile.Read(ref _waits);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _waits);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
