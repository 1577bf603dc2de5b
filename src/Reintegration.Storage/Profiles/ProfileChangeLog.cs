using Azure.Data.Tables;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Profiles;

/// <summary>
/// Which profiles changed when, so that every instance can drop what it keeps of them (<see cref="ProfileCache"/>):
/// one row per write (<see cref="ChangeLogRows"/>; an import of 500 profiles is one row, not 500), naming each
/// profile by <see cref="ProfileCache.Token"/> (a hash:
/// the log keeps no profile id, so an erasure leaves nothing of the person in it).
/// </summary>
public sealed class ProfileChangeLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string KeysColumn = "Keys";

    private static readonly string[] Columns = ["PartitionKey", "RowKey", KeysColumn];

    /// <summary>Logs that these profiles changed; returns the rows written (as <see cref="ReadAsync"/> names them).</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(string centreId, IEnumerable<string> profileIds, CancellationToken cancellationToken)
    {
        var tokens = profileIds.Distinct(StringComparer.Ordinal).Select(id => ProfileCache.Token(centreId, id));
        var rows = ChangeLogRows.For(time.GetUtcNow(), tokens, KeysColumn);
        foreach (var row in rows)
        {
            // An upsert: a retry after a lost answer writes the same row again.
            await calls.RunAsync(async token => { await tables.ProfileChanges.UpsertEntityAsync(row, TableUpdateMode.Replace, token); }, cancellationToken);
        }

        return rows.ConvertAll(ChangeLogRows.Name);
    }

    /// <summary>The rows written in the minutes from <paramref name="from"/> to <paramref name="to"/>, as (row, the tokens it names).</summary>
    public async Task<IReadOnlyList<(string Row, string[] Keys)>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = new List<(string, string[])>();
        var between = ChangeLogRows.Between(from, to);
        await foreach (var row in TableQueries.AllAsync(calls, tables.ProfileChanges, between, Columns, cancellationToken))
        {
            rows.Add((ChangeLogRows.Name(row), ChangeLogRows.Names(row, KeysColumn) ?? []));
        }

        return rows;
    }

    /// <summary>Deletes the rows written before <paramref name="before"/>: every instance has long read them.</summary>
    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await foreach (var row in TableQueries.AllAsync(
            calls, tables.ProfileChanges, ChangeLogRows.Before(before), ["PartitionKey", "RowKey"], cancellationToken))
        {
            await TableQueries.DeleteAsync(calls, tables.ProfileChanges, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }
}
