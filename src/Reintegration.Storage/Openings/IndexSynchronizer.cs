using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Matching.Index;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>Bound from <c>Reintegration:Index</c>.</summary>
public sealed class IndexSyncOptions
{
    public const string SectionName = "Reintegration:Index";

    /// <summary>How often to read the change log: a write on another instance is matched here within about this long.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far back each read looks, to cover clocks of instances that disagree by up to this much.</summary>
    public TimeSpan ClockSkewAllowance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A full reload, the safety net for a change whose log row was lost (a writer that died between its two writes).</summary>
    public TimeSpan FullReloadInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Change log rows older than this are deleted at each full reload.</summary>
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Keeps this instance's <see cref="OpeningIndex"/> fresh, and is the only writer of it: loads every
/// open opening at start, then reads only the change log and applies the openings it names (the other
/// instances' writes); this instance's own writes come through <see cref="Apply"/> at once.
/// </summary>
public sealed partial class IndexSynchronizer(
    OpeningStore store,
    OpeningChangeLog changes,
    OpeningIndex index,
    IOptions<IndexSyncOptions> options,
    TimeProvider time,
    StorageOutageLog outages,
    ILogger<IndexSynchronizer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Completes once the index holds every open opening.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>Brings the index in step with a write this instance made (what <see cref="OpeningStore"/> returned).</summary>
    public void Apply(OpeningChanges changes)
    {
        if (changes.Upserted.Count > 0 || changes.Removed.Count > 0)
        {
            index.Apply(changes.Upserted, changes.Removed);
        }
    }

    /// <summary>When the index last caught up with storage (a full load or a read of the change log); null before the first.</summary>
    public DateTimeOffset? CaughtUpAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var watermark = await LoadAsync(stoppingToken);
        CaughtUpAt = time.GetUtcNow();
        _loaded.TrySetResult();
        var reloadAt = time.GetUtcNow() + settings.FullReloadInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RefreshInterval, time, stoppingToken);
                if (time.GetUtcNow() >= reloadAt)
                {
                    watermark = await LoadAsync(stoppingToken);
                    reloadAt = time.GetUtcNow() + settings.FullReloadInterval;
                    await changes.PruneAsync(time.GetUtcNow() - settings.ChangeLogRetention, stoppingToken);
                }

                watermark = await RefreshAsync(watermark, stoppingToken);
                outages.Available();
                CaughtUpAt = time.GetUtcNow();
            }
            catch (StorageUnavailableException e)
            {
                // The next round reads from the same watermark: nothing is skipped.
                outages.Unavailable("refreshing the opening index", e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Reads the changes since <paramref name="watermark"/> and applies them; returns the new watermark.</summary>
    internal async Task<DateTimeOffset> RefreshAsync(DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = watermark - options.Value.ClockSkewAllowance;
        var fresh = (await changes.ReadAsync(from, now, cancellationToken)).Where(c => !_seen.ContainsKey(c.Key)).ToList();
        if (fresh.Count > 0)
        {
            var ids = fresh.Select(c => c.OpeningId).Distinct(StringComparer.Ordinal).ToList();
            var current = await store.GetManyAsync(ids, cancellationToken);
            index.Apply(current.Values.Where(o => !o.Closed).Select(o => o.ToListing()), ids.Where(id => current.GetValueOrDefault(id) is null or { Closed: true }));
            // Only once applied: a refresh cut short by an outage reads the same rows again next round.
            foreach (var change in fresh)
            {
                _seen[change.Key] = now;
            }
        }

        foreach (var old in _seen.Where(s => s.Value < from).Select(s => s.Key).ToList())
        {
            _seen.Remove(old);
        }

        return now;
    }

    private async Task<DateTimeOffset> LoadAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Changes written while the load runs are read by the first refresh, which starts from here.
            var started = time.GetUtcNow();
            try
            {
                var open = new List<Matching.OpeningListing>();
                await foreach (var opening in store.AllOpenAsync(stoppingToken))
                {
                    open.Add(opening.ToListing());
                }

                var stale = index.Listings().Select(l => l.Id).Except(open.Select(o => o.Id), StringComparer.Ordinal).ToList();
                index.Apply(open, stale);
                outages.Available();
                LogLoaded(logger, open.Count);
                return started;
            }
            catch (StorageUnavailableException e)
            {
                outages.Unavailable($"loading the opening index (attempt {attempt})", e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opening index loaded: {Count} open openings")]
    private static partial void LogLoaded(ILogger logger, int count);

}
