using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Matching.Index;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Openings.Snapshots;

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

    /// <summary>
    /// A refresh naming more openings than this share of the index (and at least 1,000) reads the whole
    /// table instead of each named opening: a page of the scan brings up to 1,000 openings, a key lookup 14,
    /// so after a large import the scan is the cheaper way to the same index.
    /// </summary>
    public double RescanShare { get; set; } = 0.05;

    /// <summary>Change log rows older than this are deleted at each full reload.</summary>
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Keeps this instance's <see cref="OpeningIndex"/> fresh, and is the only writer of it: loads every
/// open opening at start (from the newest index snapshot and the change log after it, or else by
/// scanning the table), then reads only the change log and applies the openings it names (the other
/// instances' writes); this instance's own writes come through <see cref="Apply"/> at once.
/// </summary>
public sealed partial class IndexSynchronizer(
    OpeningStore store,
    OpeningChangeLog changes,
    OpeningIndex index,
    IndexSnapshotLoader snapshots,
    IOptions<IndexSyncOptions> options,
    TimeProvider time,
    StorageOutageLog outages,
    ILogger<IndexSynchronizer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    // The log rows of this instance's own writes, applied already: the next refresh counts them as seen.
    private readonly ConcurrentQueue<string> _logged = new();
    private volatile IndexLoading? _loading = new("table", 0, null, time.GetUtcNow());
    private string _loadedFrom = "";
    private long _changesApplied;
    private long _watermarkTicks;
    // Null until the change log has been read once since the index loaded (see Capture).
    private volatile string[]? _appliedRows;

    /// <summary>Completes once the index holds every open opening.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>Loading (with how far it got), or ready (with the index's size now and its freshness).</summary>
    public IndexStatus Status => _loading as IndexStatus ?? new IndexReady(index.Count, _loadedFrom, Watermark);

    /// <summary>How many opening changes this instance has applied since it loaded: what makes a new snapshot due.</summary>
    public long ChangesApplied => Interlocked.Read(ref _changesApplied);

    /// <summary>
    /// What a snapshot written now covers: the openings held and the change-log position they are
    /// complete up to (read before the openings, so they hold at least every change before it).
    /// </summary>
    public IndexSnapshot? Capture()
    {
        // The rows read before the watermark and the watermark itself, published together after each refresh.
        // None before the first read of the log: after a table scan, the log's recent rows (a large import) are
        // not yet known to be applied, and a snapshot that cannot list them sends every new instance to fetch them again.
        var (coveredUntil, applied) = (Watermark, _appliedRows);
        if (!IsLoaded || applied is null)
        {
            return null;
        }

        return new IndexSnapshot(coveredUntil, index.Listings()) { Applied = applied };
    }

    /// <summary>Brings the index in step with a write this instance made (what <see cref="OpeningStore"/> returned).</summary>
    public void Apply(OpeningChanges changes)
    {
        if (changes.Upserted.Count > 0 || changes.Removed.Count > 0)
        {
            index.Apply(changes.Upserted, changes.Removed);
            Interlocked.Add(ref _changesApplied, changes.Upserted.Count + changes.Removed.Count);
        }

        foreach (var row in changes.Logged)
        {
            _logged.Enqueue(row);
        }
    }

    /// <summary>When the index last caught up with storage (a full load or a read of the change log); null before the first.</summary>
    public DateTimeOffset? CaughtUpAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        (var watermark, _loadedFrom) = await FirstLoadAsync(stoppingToken);
        Advance(watermark);
        CaughtUpAt = time.GetUtcNow();
        _loading = null;
        _loaded.TrySetResult();
        var reloadAt = time.GetUtcNow() + settings.FullReloadInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.RefreshInterval, time, stoppingToken);
                if (time.GetUtcNow() >= reloadAt)
                {
                    Advance(await LoadAsync(stoppingToken));
                    reloadAt = time.GetUtcNow() + settings.FullReloadInterval;
                    await changes.PruneAsync(time.GetUtcNow() - settings.ChangeLogRetention, stoppingToken);
                }

                Advance(await RefreshAsync(Watermark, stoppingToken));
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

    /// <summary>
    /// Every change logged before this (less the clock skew allowance) is in the index: the next refresh reads from here.
    /// </summary>
    private DateTimeOffset Watermark => new(Interlocked.Read(ref _watermarkTicks), TimeSpan.Zero);

    private void Advance(DateTimeOffset watermark) => Interlocked.Exchange(ref _watermarkTicks, watermark.UtcTicks);

    /// <summary>The first load: the newest snapshot and the changes since, else the table; returns the watermark and the source.</summary>
    private async Task<(DateTimeOffset Watermark, string Source)> FirstLoadAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        var maxAge = options.Value.ChangeLogRetention / 2;
        void Progress(int loaded, int? total) => _loading = new IndexLoading("snapshot", loaded, total, started);
        var clock = time.GetTimestamp();
        if (await snapshots.LoadAsync(maxAge, Progress, stoppingToken) is { } snapshot)
        {
            var read = time.GetElapsedTime(clock);
            index.Apply(snapshot.Openings);
            var applied = time.GetElapsedTime(clock);
            foreach (var row in snapshot.Applied)
            {
                _seen[row] = snapshot.CoveredUntil;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // The changes since the snapshot, read as a refresh reads them (with the clock skew allowance).
                    var watermark = await RefreshAsync(snapshot.CoveredUntil, stoppingToken);
                    outages.Available();
                    LogLoadedFromSnapshot(logger, index.Count, (long)read.TotalMilliseconds, (long)(applied - read).TotalMilliseconds,
                        (long)(time.GetElapsedTime(clock) - applied).TotalMilliseconds);
                    return (watermark, "snapshot");
                }
                catch (StorageUnavailableException e)
                {
                    outages.Unavailable($"replaying the change log after the index snapshot (attempt {attempt})", e);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, stoppingToken);
                }
            }
        }

        return (await LoadAsync(stoppingToken), "table");
    }

    /// <summary>Reads the changes since <paramref name="watermark"/> and applies them; returns the new watermark.</summary>
    internal async Task<DateTimeOffset> RefreshAsync(DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var from = watermark - options.Value.ClockSkewAllowance;
        // Rows this instance logged and applied before now: a large import through this instance is not fetched back.
        while (_logged.TryDequeue(out var own))
        {
            _seen[own] = now;
        }

        var fresh = (await changes.ReadAsync(from, now, cancellationToken)).Where(c => !_seen.ContainsKey(c.Row)).ToList();
        if (fresh.Count > 0)
        {
            var ids = fresh.SelectMany(c => c.OpeningIds).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count >= 1000 && ids.Count > options.Value.RescanShare * index.Count)
            {
                // Begun after the log was read: the scan reflects every change it named.
                var clock = time.GetTimestamp();
                await ScanAsync(null, cancellationToken);
                LogRescanned(logger, ids.Count, (long)time.GetElapsedTime(clock).TotalMilliseconds);
            }
            else
            {
                var current = await store.GetManyAsync(ids, cancellationToken);
                index.Apply(
                    current.Values.Where(o => !o.Closed).Select(o => o.ToListing()),
                    ids.Where(id => current.GetValueOrDefault(id) is null or { Closed: true }));
            }

            Interlocked.Add(ref _changesApplied, ids.Count);
            // Only once applied: a refresh cut short by an outage reads the same rows again next round.
            foreach (var change in fresh)
            {
                _seen[change.Row] = now;
            }
        }

        foreach (var old in _seen.Where(s => s.Value < from).Select(s => s.Key).ToList())
        {
            _seen.Remove(old);
        }

        // Published once applied, for a snapshot to list (see IndexSnapshot.Applied).
        _appliedRows = [.. _seen.Keys];
        return now;
    }

    /// <summary>Loads every open opening from the table (at start, and as the hourly safety net); returns the watermark.</summary>
    private async Task<DateTimeOffset> LoadAsync(CancellationToken stoppingToken)
    {
        var first = !IsLoaded;
        for (var attempt = 1; ; attempt++)
        {
            // Changes written while the load runs are read by the first refresh, which starts from here.
            var started = time.GetUtcNow();
            if (first)
            {
                _loading = new IndexLoading("table", 0, null, started);
            }

            try
            {
                var clock = time.GetTimestamp();
                var count = await ScanAsync(first ? read => _loading = new IndexLoading("table", read, null, started) : null, stoppingToken);
                outages.Available();
                LogLoadedFromTable(logger, count, (long)time.GetElapsedTime(clock).TotalMilliseconds);
                return started;
            }
            catch (StorageUnavailableException e)
            {
                outages.Unavailable($"loading the opening index (attempt {attempt})", e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Reads every open opening and makes the index those, less what it held before that the scan did not find;
    /// returns how many. <paramref name="progress"/> hears every thousand.
    /// </summary>
    private async Task<int> ScanAsync(Action<int>? progress, CancellationToken cancellationToken)
    {
        // An opening this instance wrote while the scan ran may be missing from what the scan read: it stays.
        var held = index.Listings().Select(l => l.Id).ToList();
        var open = new List<Matching.OpeningListing>();
        await foreach (var opening in store.AllOpenAsync(cancellationToken))
        {
            open.Add(opening.ToListing());
            if (open.Count % 1000 == 0)
            {
                progress?.Invoke(open.Count);
            }
        }

        var stale = held.Except(open.Select(o => o.Id), StringComparer.Ordinal).ToList();
        index.Apply(open, stale);
        return open.Count;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The change log named {Count} openings: the table was read whole instead, in {Milliseconds} ms")]
    private static partial void LogRescanned(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opening index loaded: {Count} open openings, from the table, in {Milliseconds} ms")]
    private static partial void LogLoadedFromTable(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Opening index loaded: {Count} open openings, from the index snapshot ({ReadMs} ms to read, {ApplyMs} ms to index) "
            + "and the change log after it ({ReplayMs} ms)")]
    private static partial void LogLoadedFromSnapshot(ILogger logger, int count, long readMs, long applyMs, long replayMs);
}
