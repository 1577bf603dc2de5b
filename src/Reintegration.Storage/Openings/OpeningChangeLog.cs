using Azure;
using Azure.Data.Tables;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// Which openings changed when, so that every app instance can keep its index fresh by reading only
/// what changed: one row per write (<see cref="ChangeLogRows"/>; an import of 500 openings is one row, not
/// 500). A row per opening made every refresh after a large import, and a new instance's replay after a
/// snapshot, read and page through the whole import.
/// </summary>
public sealed class OpeningChangeLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string IdsColumn = "OpeningIds";

    // What rows written before one row named several openings hold (they stay for the log's retention).
    private const string LegacyIdColumn = "OpeningId";

    /// <summary>Logs that these openings changed, in one transaction; returns the rows written (as <see cref="ReadAsync"/> names them).</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(IEnumerable<string> openingIds, CancellationToken cancellationToken)
    {
        // Built once, outside the retried call: a retry after a lost answer writes the same rows again.
        var rows = ChangeLogRows.For(time.GetUtcNow(), openingIds.Distinct(StringComparer.Ordinal), IdsColumn);
        foreach (var chunk in Batches.Chunk(rows, r => r))
        {
            await calls.RunAsync(async token =>
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r));
                await tables.OpeningChanges.SubmitTransactionAsync(actions, token);
            }, cancellationToken);
        }

        return rows.ConvertAll(ChangeLogRows.Name);
    }

    /// <summary>
    /// The rows written in the minutes from <paramref name="from"/> to <paramref name="to"/>, as (row, the opening ids it names).
    /// </summary>
    public async Task<IReadOnlyList<(string Row, string[] OpeningIds)>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var changes = new List<(string, string[])>();
        string[] columns = ["PartitionKey", "RowKey", IdsColumn, LegacyIdColumn];
        var between = ChangeLogRows.Between(from, to);
        await foreach (var row in TableQueries.AllAsync(calls, tables.OpeningChanges, between, columns, cancellationToken))
        {
            var ids = ChangeLogRows.Names(row, IdsColumn) ?? (row.GetString(LegacyIdColumn) is { } one ? [one] : []);
            changes.Add((ChangeLogRows.Name(row), ids));
        }

        return changes;
    }

    /// <summary>Deletes the rows written before <paramref name="before"/>: every instance has long read them.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var old = new List<TableEntity>();
        await foreach (var row in TableQueries.AllAsync(
            calls, tables.OpeningChanges, ChangeLogRows.Before(before), ["PartitionKey", "RowKey"], cancellationToken))
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
}
