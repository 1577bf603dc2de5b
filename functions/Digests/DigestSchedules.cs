using Microsoft.Extensions.Configuration;
using Reintegration.Digests;
using Reintegration.Functions.Standalone;

namespace Reintegration.Functions.Digests;

/// <summary>Which week a timer run of the digest is for.</summary>
public static class DigestSchedules
{
    /// <summary>
    /// The week of the run's occurrence: an on-time run is for the week it fires in; a past-due run
    /// (after downtime) is for the week of the latest occurrence it missed, not the week it finally runs in.
    /// </summary>
    public static IsoWeek DueWeek(IConfiguration configuration, DateTimeOffset now, bool isPastDue)
    {
        if (!isPastDue)
        {
            return IsoWeek.Of(now);
        }

        var schedule = TimerSchedule.Parse("%" + DigestOptions.ScheduleSetting + "%", configuration);
        var latest = now;
        for (var occurrence = schedule.NextAfter(now.AddDays(-15)); occurrence <= now; occurrence = schedule.NextAfter(occurrence))
        {
            latest = occurrence;
        }

        return IsoWeek.Of(latest);
    }
}
