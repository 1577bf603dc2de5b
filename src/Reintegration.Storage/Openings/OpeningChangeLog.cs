using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// Which openings changed when, so that every app instance can keep its index fresh by reading only
/// what changed: one row per change, partitioned by the minute it was written ("202611281730"),
/// ordered within it by time.
/// </summary>
public sealed class OpeningChangeLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string BucketFormat = "yyyyMMddHHmm";

    public async Task RecordAsync(IEnumerable<string> openingIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bucket = Bucket(now);
        var rows = openingIds.Distinct(StringComparer.Ordinal)
            .Select(id => new TableEntity(bucket, $"{now.UtcTicks:D19}-{id}") { ["OpeningId"] = id })
            .ToList();
        foreach (var chunk in Batches.Chunk(rows, r => r))
        {
            await calls.RunAsync(async token => { await tables.OpeningChanges.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token); }, cancellationToken);
        }
    }

    /// <summary>The changes written in the minutes from <paramref name="from"/> to <paramref name="to"/>, as (row key, opening id).</summary>
    public async Task<IReadOnlyList<(string Key, string OpeningId)>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Bucket(from)} and PartitionKey le {Bucket(to)}");
        var changes = new List<(string, string)>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.OpeningChanges, filter, ["PartitionKey", "RowKey", "OpeningId"], cancellationToken))
        {
            changes.Add((row.PartitionKey + "/" + row.RowKey, row.GetString("OpeningId")));
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
                    await calls.RunAsync(async token => { await tables.OpeningChanges.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), token); }, cancellationToken);
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
