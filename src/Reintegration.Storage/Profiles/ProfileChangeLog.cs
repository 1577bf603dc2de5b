using System.Globalization;
using Azure.Data.Tables;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Profiles;

/// <summary>
/// Which profiles changed when, so that every instance can drop what it keeps of them (<see cref="ProfileCache"/>):
/// one row per write (an import of 500 profiles is one row, not 500), partitioned by the minute it was
/// written, ordered within it by time, naming each profile by <see cref="ProfileCache.Token"/> (a hash:
/// the log keeps no profile id, so an erasure leaves nothing of the person in it).
/// </summary>
public sealed class ProfileChangeLog(Tables tables, StorageCalls calls, TimeProvider time)
{
    private const string BucketFormat = "yyyyMMddHHmm";

    // Well within a string property's 32K characters (a token is 32).
    private const int KeysPerRow = 500;

    /// <summary>Logs that these profiles changed; returns the rows written (as <see cref="ReadAsync"/> names them).</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(string centreId, IEnumerable<string> profileIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = new List<string>();
        foreach (var chunk in profileIds.Distinct(StringComparer.Ordinal).Chunk(KeysPerRow))
        {
            var row = new TableEntity(Bucket(now), $"{now.UtcTicks:D19}-{Guid.NewGuid():N}")
            {
                ["Keys"] = string.Join(',', chunk.Select(id => ProfileCache.Token(centreId, id))),
            };
            // An upsert: a retry after a lost answer writes the same row again.
            await calls.RunAsync(async token => { await tables.ProfileChanges.UpsertEntityAsync(row, TableUpdateMode.Replace, token); }, cancellationToken);
            rows.Add(row.PartitionKey + "/" + row.RowKey);
        }

        return rows;
    }

    /// <summary>The rows written in the minutes from <paramref name="from"/> to <paramref name="to"/>, as (row, the tokens it names).</summary>
    public async Task<IReadOnlyList<(string Row, string[] Keys)>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Bucket(from)} and PartitionKey le {Bucket(to)}");
        var rows = new List<(string, string[])>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.ProfileChanges, filter, ["PartitionKey", "RowKey", "Keys"], cancellationToken))
        {
            rows.Add((row.PartitionKey + "/" + row.RowKey, (row.GetString("Keys") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)));
        }

        return rows;
    }

    /// <summary>Deletes the rows written before <paramref name="before"/>: every instance has long read them.</summary>
    public async Task PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {Bucket(before)}");
        await foreach (var row in TableQueries.AllAsync(calls, tables.ProfileChanges, filter, ["PartitionKey", "RowKey"], cancellationToken))
        {
            await TableQueries.DeleteAsync(calls, tables.ProfileChanges, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    private static string Bucket(DateTimeOffset instant) => instant.UtcDateTime.ToString(BucketFormat, CultureInfo.InvariantCulture);
}
