using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reintegration.Matching.Index;

namespace Reintegration.Storage.Openings.Snapshots;

/// <summary>
/// Finds and reads the newest index snapshot for a starting instance, or says (in one log line) why
/// there is none to use: none written yet, too old for the change log to bring up to date, damaged,
/// of another format, or Blob Storage not answering. It never throws but for cancellation: the caller
/// then scans the table.
/// </summary>
public sealed partial class IndexSnapshotLoader(
    IndexSnapshotStore store, IOptions<IndexSnapshotOptions> options, TimeProvider time, ILogger<IndexSnapshotLoader> logger)
{
    /// <summary>
    /// The newest snapshot no older than <paramref name="maxAge"/>, read and checked, or null.
    /// <paramref name="progress"/> hears (openings read, openings in all, when known).
    /// </summary>
    public async Task<IndexSnapshot?> LoadAsync(TimeSpan maxAge, Action<int, int?> progress, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            progress(0, null);
            if (await store.NewestAsync(cancellationToken) is not { } newest)
            {
                LogNone(logger);
                return null;
            }

            if (time.GetUtcNow() - newest.CoveredUntil > maxAge)
            {
                LogTooOld(logger, newest.Name, maxAge);
                return null;
            }

            var bytes = await store.DownloadAsync(newest.Name, cancellationToken);
            var snapshot = IndexSnapshot.Read(bytes);
            progress(snapshot.Openings.Count, snapshot.Openings.Count);
            LogRead(logger, newest.Name, snapshot.Openings.Count, bytes.Length / 1048576.0, clock.ElapsedMilliseconds);
            return snapshot;
        }
        catch (UnreadableSnapshotException e)
        {
            LogUnreadable(logger, e.Reason);
            return null;
        }
        // Anything else (Blob Storage away, refused credentials, a setting without a Blob endpoint): the table is still there.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, e.GetType().Name, e.Message.Split('\n')[0]);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No index snapshot yet: the index is loaded from the table.")]
    private static partial void LogNone(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The newest index snapshot, {Name}, is older than {MaxAge}: the change log may no longer hold what came after it; "
            + "the index is loaded from the table.")]
    private static partial void LogTooOld(ILogger logger, string name, TimeSpan maxAge);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Index snapshot {Name} read: {Count} openings, {Megabytes:0.0} MB, in {Milliseconds} ms.")]
    private static partial void LogRead(ILogger logger, string name, int count, double megabytes, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "The index snapshot was refused ({Reason}); the index is loaded from the table instead.")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Blob Storage did not give the index snapshot ({Kind}: {Reason}); the index is loaded from the table.")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);
}
