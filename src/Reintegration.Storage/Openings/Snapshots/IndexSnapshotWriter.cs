using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reintegration.Storage.Openings.Snapshots;

/// <summary>
/// Writes an index snapshot when one is due: the newest is older than <see cref="IndexSnapshotOptions.Interval"/>
/// (or there is none), or this instance has applied <see cref="IndexSnapshotOptions.AfterChanges"/> opening
/// changes since it first saw the newest (a large import). Every instance checks; the writer's blob lease
/// lets one write at a time, and the others then find a new newest and wait for the next interval.
/// </summary>
public sealed partial class IndexSnapshotWriter(
    IndexSynchronizer synchronizer,
    IndexSnapshotStore store,
    IOptions<IndexSnapshotOptions> options,
    TimeProvider time,
    ILogger<IndexSnapshotWriter> logger) : BackgroundService
{
    private string? _newestSeen;
    private long _changesWhenSeen;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            await synchronizer.Loaded.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                // A check interval after loading first: a scale-out burst of new instances does not all check at once.
                await Task.Delay(settings.CheckInterval, time, stoppingToken);
                await WriteIfDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes a snapshot if one is due and no other instance is writing; returns its name, or null.</summary>
    internal async Task<string?> WriteIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var newest = await store.NewestAsync(cancellationToken);
            if (newest?.Name != _newestSeen)
            {
                (_newestSeen, _changesWhenSeen) = (newest?.Name, synchronizer.ChangesApplied);
            }

            var due = newest is not { } n
                || time.GetUtcNow() - n.CoveredUntil >= settings.Interval
                || synchronizer.ChangesApplied - _changesWhenSeen >= settings.AfterChanges;
            if (!due || synchronizer.Capture() is not { } snapshot || snapshot.CoveredUntil <= newest?.CoveredUntil)
            {
                return null;
            }

            var written = await store.TryWriteAsync(snapshot, settings.Keep, cancellationToken);
            if (written is not null)
            {
                (_newestSeen, _changesWhenSeen) = (written, synchronizer.ChangesApplied);
                LogWritten(logger, written, snapshot.Openings.Count);
            }

            _failing = false;
            return written;
        }
        // Anything (Blob Storage away, refused credentials, a setting without a Blob endpoint) only delays the next snapshot.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The next check tries again; until then, starting instances read the snapshot there is, or scan the table.
            // Said once per outage, not at every check.
            if (!_failing)
            {
                LogFailed(logger, e.GetType().Name, e.Message.Split('\n')[0]);
                _failing = true;
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index snapshot {Name} written: {Count} openings.")]
    private static partial void LogWritten(ILogger logger, string name, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not write an index snapshot ({Kind}: {Reason}); retried at each check, and said again only after one succeeds.")]
    private static partial void LogFailed(ILogger logger, string kind, string reason);
}
