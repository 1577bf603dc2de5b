using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// Which openings changed when, so that every app instance can keep its index fresh by reading only
/// what changed: one row per write (an import of 500 openings is one row, not 500), partitioned by the
/// minute it was written ("202611281730"), ordered within it by time. Every read looks back over the
/// clock-skew allowance, so a row is read many times: after a large import, one row per opening made
/// every refresh, and a new instance's replay after a snapshot, read and page through the whole import.
/// </summary>
public sealed class OpeningChangeLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string BucketFormat = "yyyyMMddHHmm";

    /// <summary>An id is 35 characters: 500 of them and their commas stay well within a string property's 32K characters.</summary>
    internal const int IdsPerRow = 500;

    private const string IdsColumn = "OpeningIds";

    // What rows written before one row named several openings hold (they stay for the log's retention).
    private const string LegacyIdColumn = "OpeningId";

    /// <summary>Logs that these openings changed, in one transaction.</summary>
    public async Task RecordAsync(IEnumerable<string> openingIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bucket = Bucket(now);
        // Built once, outside the retried call: a retry after a lost answer writes the same rows again.
        var rows = openingIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerRow)
            .Select(ids => new TableEntity(bucket, $"{now.UtcTicks:D19}-{Guid.NewGuid():N}") { [IdsColumn] = string.Join(',', ids) })
            .ToList();
        foreach (var chunk in Batches.Chunk(rows, r => r))
        {
            await calls.RunAsync(async token =>
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r));
                await tables.OpeningChanges.SubmitTransactionAsync(actions, token);
            }, cancellationToken);
        }
    }

    /// <summary>
    /// The rows written in the minutes from <paramref name="from"/> to <paramref name="to"/>, as (row, the opening ids it names).
    /// </summary>
    public async Task<IReadOnlyList<(string Row, string[] OpeningIds)>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Bucket(from)} and PartitionKey le {Bucket(to)}");
        var changes = new List<(string, string[])>();
        string[] columns = ["PartitionKey", "RowKey", IdsColumn, LegacyIdColumn];
        await foreach (var row in TableQueries.AllAsync(calls, tables.OpeningChanges, filter, columns, cancellationToken))
        {
            var ids = row.GetString(IdsColumn) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries)
                : row.GetString(LegacyIdColumn) is { } one ? [one] : [];
            changes.Add((row.PartitionKey + "/" + row.RowKey, ids));
        }

        return changes;
    }

    /// <summary>Deletes the rows written before <paramref name="before"/>: every instance has long read them.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {Bucket(before)}");
        var old = new List<TableEntity>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.OpeningChanges, filter, ["PartitionKey", "RowKey"], cancellationToken))
        {
            old.Add(row);
        }

        foreach (var partition in old.GroupBy(r => r.PartitionKey))
        {
            foreach (var batch in Batches.Chunk(partition, r => r))
            {
                try
                {
                    await calls.RunAsync(async token =>
                    {
                        var actions = batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All));
                        await tables.OpeningChanges.SubmitTransactionAsync(actions, token);
                    }, cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // Another instance pruned some of these first.
                }
            }
        }

        return old.Count;
    }

    private static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);
}
