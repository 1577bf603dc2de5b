using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Reintegration.Digests;

namespace Reintegration.Functions.Digests;

/// <summary>The weekly digest, on the schedule of Reintegration:DigestSchedule (Mondays 06:00 UTC by default).</summary>
public sealed class WeeklyDigestFunction(DigestRunner runner, IConfiguration configuration, TimeProvider time)
{
    [Function("WeeklyDigest")]
    public Task<DigestRunReport> Run([TimerTrigger("%" + DigestOptions.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(DigestSchedules.DueWeek(configuration, time.GetUtcNow(), timer.IsPastDue), cancellationToken);
}
