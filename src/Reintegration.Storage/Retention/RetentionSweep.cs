using Microsoft.Extensions.Options;
using Reintegration.Storage.Audit;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Profiles;

namespace Reintegration.Storage.Retention;

/// <summary>What one sweep did: counts only, never who.</summary>
public sealed record RetentionReport(int ProfilesErased, int AuditRecordsDeleted);

/// <summary>
/// Erases what is kept past its time: every profile not updated for <see cref="RetentionOptions.ProfileMonths"/>
/// (through <see cref="ProfileErasure"/>, so with its placements and digest entries; each erasure is on
/// the audit as the system's), then audit records older than <see cref="AuditOptions.RetentionDays"/>
/// (so the audit's link to an erased person goes then, not before). Idempotent: a sweep cut short is
/// finished by the next; two at once erase nothing twice.
/// </summary>
public sealed class RetentionSweep(
    CentreStore centres, ProfileStore profiles, ProfileErasure erasure, AuditStore audit,
    IOptions<RetentionOptions> retention, IOptions<AuditOptions> auditOptions, TimeProvider time)
{
    /// <summary>The actor the audit names for what the sweep erases.</summary>
    public const string Actor = "retention";

    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var staleBefore = now.AddMonths(-retention.Value.ProfileMonths);
        var erased = 0;
        foreach (var centre in await centres.AllAsync(cancellationToken))
        {
            var stale = new List<string>();
            await foreach (var stored in profiles.AllAsync(centre.Id, cancellationToken))
            {
                if (stored.UpdatedAt < staleBefore)
                {
                    stale.Add(stored.Id);
                }
            }

            foreach (var id in stale)
            {
                if (await erasure.EraseAsync(centre.Id, id, cancellationToken))
                {
                    erased++;
                    await audit.WriteAsync([new AuditRecord(time.GetUtcNow(), Actor, "RetentionSweep", "timer", id, 204)], cancellationToken);
                }
            }
        }

        var deleted = await audit.DeleteBeforeAsync(now.AddDays(-auditOptions.Value.RetentionDays), cancellationToken);
        return new RetentionReport(erased, deleted);
    }
}
