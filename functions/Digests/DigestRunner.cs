using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Digests;
using Reintegration.Domain;
using Reintegration.Functions.Http;
using Reintegration.Functions.Telemetry;
using Reintegration.Storage.Centres;
using Reintegration.Storage.Digests;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings;
using Reintegration.Storage.Profiles;

namespace Reintegration.Functions.Digests;

/// <summary>
/// Runs one ISO week's digests for every centre: composes them all at once (the congestion cap holds
/// across centres), stores each centre's that is not stored yet, then delivers to webhooks what has
/// not been delivered. Running a week again — a timer retry, a catch-up, a manual run, two at once —
/// stores nothing new and delivers nothing twice; a run cut short is finished by the next one.
/// </summary>
public sealed partial class DigestRunner(
    CentreStore centres,
    ProfileStore profiles,
    DigestStore digests,
    DigestDeliveryLog deliveries,
    DigestComposer composer,
    IndexSynchronizer synchronizer,
    WebhookSender webhooks,
    IOptions<DigestOptions> options,
    TimeProvider time,
    AppMetrics metrics,
    ILogger<DigestRunner> logger)
{
    /// <summary>How long a run waits for this instance's opening index to load (a timer firing just after a start).</summary>
    private static readonly TimeSpan IndexWait = TimeSpan.FromMinutes(1);

    public async Task<DigestRunReport> RunAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            return await RunWeekAsync(week, cancellationToken);
        }
        finally
        {
            metrics.DigestRun(time.GetElapsedTime(started));
        }
    }

    private async Task<DigestRunReport> RunWeekAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var generatedAt = await digests.RunStartedAtAsync(week, cancellationToken);
        var all = await centres.AllAsync(cancellationToken);
        var pending = new List<Centre>();
        foreach (var centre in all)
        {
            if (!await digests.ExistsAsync(centre.Id, week, cancellationToken))
            {
                pending.Add(centre);
            }
        }

        var people = 0;
        var recommendations = 0;
        var (covered, bound) = (0, 0);
        if (pending.Count > 0)
        {
            await WaitForIndexAsync(cancellationToken);
            var everyone = await PeopleAsync(all, week, cancellationToken);
            var composed = composer.Compose(everyone, all.Select(c => c.Id), week, generatedAt, options.Value);
            (covered, bound) = (composed.Allocation.Covered, composed.Allocation.Bound);
            LogCoverage(logger, week.ToString(), everyone.Count, covered, bound);
            foreach (var digest in composed.Digests.Where(d => pending.Any(c => c.Id == d.CentreId)))
            {
                await digests.SaveAsync(digest, cancellationToken);
                // A profile erased while the run was composing must not come back through its digest entry.
                var present = await profiles.IdsAsync(digest.CentreId, cancellationToken);
                foreach (var gone in digest.Entries.Select(e => e.ProfileId).Where(id => !present.Contains(id)))
                {
                    await digests.EraseAsync(digest.CentreId, gone, cancellationToken);
                }

                people += digest.Entries.Count;
                recommendations += digest.Entries.Sum(e => e.Recommendations.Count);
            }
        }

        var (delivered, failed) = await DeliverAsync(all, week, cancellationToken);
        LogRun(logger, week.ToString(), all.Count, pending.Count, people, recommendations, delivered, failed);
        return new DigestRunReport(
            week.ToString(), generatedAt, all.Count, pending.Count, people, recommendations, delivered, failed, covered, bound);
    }

    private async Task<IReadOnlyList<DigestPerson>> PeopleAsync(IReadOnlyList<Centre> all, IsoWeek week, CancellationToken cancellationToken)
    {
        var people = new List<DigestPerson>();
        foreach (var centre in all)
        {
            var previous = await digests.PreviousAsync(centre.Id, week, cancellationToken);
            var earlier = previous?.Entries.ToDictionary(
                e => e.ProfileId,
                e => (IReadOnlySet<string>)e.Recommendations.Select(r => r.OpeningId).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal) ?? [];
            await foreach (var stored in profiles.AllAsync(centre.Id, cancellationToken))
            {
                people.Add(new DigestPerson(centre.Id, stored.Id, stored.Profile,
                    earlier.GetValueOrDefault(stored.Id) ?? new HashSet<string>(), previous?.GeneratedAt ?? DateTimeOffset.MinValue)
                {
                    CreatedAt = stored.CreatedAt,
                });
            }
        }

        return people;
    }

    /// <summary>Sends this week's digest, and those of the last few weeks that never reached their webhook.</summary>
    private async Task<(int Delivered, int Failed)> DeliverAsync(IReadOnlyList<Centre> all, IsoWeek week, CancellationToken cancellationToken)
    {
        var (delivered, failed) = (0, 0);
        foreach (var centre in all.Where(c => !string.IsNullOrEmpty(c.WebhookUrl)))
        {
            var weeks = (await digests.WeeksAsync(centre.Id, cancellationToken))
                .Where(w => w.CompareTo(week) <= 0).Take(Math.Max(1, options.Value.RedeliverWeeks));
            foreach (var due in weeks)
            {
                if (await deliveries.TryClaimAsync(centre.Id, due, cancellationToken) is null || await digests.GetAsync(centre.Id, due, cancellationToken) is not { } digest)
                {
                    continue;
                }

                var json = JsonSerializer.Serialize(DigestView.Of(digest, centre.Language), ApiJsonContext.Web.DigestView);
                var (ok, attempts) = await webhooks.SendAsync(centre.WebhookUrl!, json, $"{centre.Id}:{due}", cancellationToken);
                if (ok)
                {
                    await deliveries.MarkDeliveredAsync(centre.Id, due, attempts, cancellationToken);
                    delivered++;
                }
                else
                {
                    await deliveries.MarkFailedAsync(centre.Id, due, attempts, cancellationToken);
                    failed++;
                }
            }
        }

        return (delivered, failed);
    }

    private async Task WaitForIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            await synchronizer.Loaded.WaitAsync(IndexWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new StorageUnavailableException("The opening index is still loading; the digest run can be repeated.", TimeSpan.FromSeconds(30));
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Digest allocation {Week}: {Covered} of {People} people given a recommendation; the caps allowed at most {Bound}")]
    private static partial void LogCoverage(ILogger logger, string week, int people, int covered, int bound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest run {Week}: {Centres} centres, {Computed} computed, {People} people, {Recommendations} recommendations, {Delivered} delivered, {Failed} deliveries failed")]
    private static partial void LogRun(ILogger logger, string week, int centres, int computed, int people, int recommendations, int delivered, int failed);
}
