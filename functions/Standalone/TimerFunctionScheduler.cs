using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reintegration.Functions.Standalone;

/// <summary>
/// Runs each timer-triggered function on its schedule when no Functions host is present. One loop per
/// timer awaits each run before it schedules the next, so a timer never overlaps itself; a run that
/// starts later than its occurrence (an overrun, a suspended machine) is marked past due, and the
/// occurrences it missed collapse into that one run, as the Functions host does. A timer whose
/// <c>AzureWebJobs.{name}.Disabled</c> setting is true does not run, as under the Functions host.
/// </summary>
internal sealed partial class TimerFunctionScheduler(
    FunctionCatalog catalog,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TimerFunctionScheduler> logger) : BackgroundService
{
    /// <summary>Lateness beyond which a run counts as past due.</summary>
    internal static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    // Sleeping in bounded steps keeps the loop honest about the wall clock when the machine sleeps.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers
            .Where(timer => !configuration.GetValue<bool>($"AzureWebJobs.{timer.Name}.Disabled"))
            .Select(timer => RunLoopAsync(timer, TimerSchedule.Parse(timer.Schedule, configuration), stoppingToken)));

    private async Task RunLoopAsync(TimerFunction timer, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        // Everything up to the first wait runs within StartAsync, so the first occurrence is fixed from the start time.
        var activator = new FunctionActivator(timer.Method, timer.Name, "timer");
        var binders = timer.Method.GetParameters().Select(p => CreateBinder(timer, p)).ToArray();
        var last = DateTimeOffset.MinValue;
        var next = schedule.NextAfter(time.GetUtcNow());
        LogScheduled(logger, timer.Name, schedule.Expression, next);

        if (timer.RunOnStartup)
        {
            await InvokeAsync(timer, activator, binders, new TimerInfo { ScheduleStatus = Status(last, next, time.GetUtcNow()), IsPastDue = false }, stoppingToken);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                {
                    await Task.Delay(wait < MaxSleep ? wait : MaxSleep, time, stoppingToken);
                }

                var started = time.GetUtcNow();
                var isPastDue = started - next > PastDueTolerance;
                // As under the Functions host, the status a run sees names the occurrence it runs for as Next.
                await InvokeAsync(timer, activator, binders, new TimerInfo { ScheduleStatus = Status(last, next, started), IsPastDue = isPastDue }, stoppingToken);
                last = next;
                next = schedule.NextAfter(next);
                // Occurrences the run outlasted collapse into one past-due run of the latest of them.
                for (var now = time.GetUtcNow(); schedule.NextAfter(next) <= now;)
                {
                    next = schedule.NextAfter(next);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task InvokeAsync(TimerFunction timer, FunctionActivator activator, Func<TimerInfo, CancellationToken, object?>[] binders, TimerInfo info, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            LogRunning(logger, timer.Name, info.IsPastDue);
            await activator.InvokeAsync(scope.ServiceProvider, binders.Select(b => b(info, stoppingToken)).ToArray());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A failed run must not end the schedule: the next occurrence runs as usual.
            LogFailed(logger, e, timer.Name);
        }
    }

    private static ScheduleStatus Status(DateTimeOffset last, DateTimeOffset next, DateTimeOffset updated) => new()
    {
        Last = last == DateTimeOffset.MinValue ? default : last.UtcDateTime,
        Next = next.UtcDateTime,
        LastUpdated = updated.UtcDateTime,
    };

    private static Func<TimerInfo, CancellationToken, object?> CreateBinder(TimerFunction timer, ParameterInfo parameter) =>
        parameter.ParameterType == typeof(TimerInfo) ? (info, _) => info
        : parameter.ParameterType == typeof(CancellationToken) ? (_, token) => token
        : throw new NotSupportedException(
            $"Timer function '{timer.Name}' takes parameter '{parameter.Name}' of type {parameter.ParameterType.Name}; the standalone host binds TimerInfo and CancellationToken.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Function} scheduled on '{Schedule}', next at {Next:O}")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running timer function {Function} (past due: {IsPastDue})")]
    private static partial void LogRunning(ILogger logger, string function, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
