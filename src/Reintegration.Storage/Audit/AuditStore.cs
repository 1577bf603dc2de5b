using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Audit;

/// <summary>
/// The access audit, in its own table, append-only through the app: nothing in the app updates a record,
/// and only the retention sweep deletes one. Partitioned by the actor (a centre's id, or "admin"); each
/// record is written twice in one transaction, under "t|{time, newest first}" for the actor's own list
/// and under "p|{profile id}|{time}" for the person's, so both are key ranges and neither is a scan.
/// </summary>
public sealed class AuditStore
{
    private readonly TableClient _table;
    private readonly StorageCalls _calls;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public AuditStore(TableServiceClient service, StorageCalls calls, IOptions<StorageOptions> storage, IOptions<AuditOptions> options)
    {
        var own = options.Value.Storage;
        var account = string.IsNullOrWhiteSpace(own) ? service : TableServiceClientFactory.Create(new StorageOptions { ConnectionString = own });
        _table = account.GetTableClient(storage.Value.TablePrefix + "Audit");
        _calls = calls;
    }

    /// <summary>Writes the records of one request; all of one actor's go in as few transactions as the limits allow.</summary>
    public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var request = Guid.NewGuid().ToString("N")[..16];
        var rows = records.SelectMany((record, i) => Rows(record, $"{request}{i:x4}"));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in Batches.Chunk(partition, r => r))
            {
                await _calls.RunAsync(async token =>
                {
                    await _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token);
                }, cancellationToken);
            }
        }
    }

    /// <summary>The actor's records, newest first, a page at a time.</summary>
    public Task<ResultPage<AuditRecord>> ByActorAsync(string actor, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync(TableQueries.KeysUnder(actor, "t"), pageSize, continuationToken, cancellationToken);

    /// <summary>The records of access to one person by one actor (the centre that keeps them), newest first.</summary>
    public Task<ResultPage<AuditRecord>> ByProfileAsync(string actor, string profileId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync(TableQueries.KeysUnder(actor, "p|" + profileId), pageSize, continuationToken, cancellationToken);

    /// <summary>
    /// The records of access to one person by anyone (for the admin): a range of row keys in every
    /// partition, which Table Storage answers by scanning; the admin asks this rarely.
    /// </summary>
    public Task<ResultPage<AuditRecord>> ByProfileAsync(string profileId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PageAsync(TableClient.CreateQueryFilter($"RowKey ge {"p|" + profileId + "|"} and RowKey lt {"p|" + profileId + "}"}"), pageSize, continuationToken, cancellationToken);

    /// <summary>Every record of access to one person by the actor, newest first (for a subject-access export).</summary>
    public async Task<IReadOnlyList<AuditRecord>> AllByProfileAsync(string actor, string profileId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var records = new List<AuditRecord>();
        await foreach (var row in TableQueries.AllAsync(_calls, _table, TableQueries.KeysUnder(actor, "p|" + profileId), null, cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records;
    }

    /// <summary>Deletes every record made before the day of <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var stale = new List<TableEntity>();
        // By the day as text: a string range is read the same way by Table Storage and by Azurite.
        var filter = TableClient.CreateQueryFilter($"Day lt {DayOf(cutoff)}");
        await foreach (var row in TableQueries.AllAsync(_calls, _table, filter, ["PartitionKey", "RowKey"], cancellationToken))
        {
            stale.Add(row);
        }

        foreach (var partition in stale.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in Batches.Chunk(partition, r => r))
            {
                try
                {
                    await _calls.RunAsync(async token =>
                    {
                        await _table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), token);
                    }, cancellationToken);
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // A sweep cut short and run again (or two at once): some rows are gone already.
                    foreach (var row in batch)
                    {
                        await TableQueries.DeleteAsync(_calls, _table, row.PartitionKey, row.RowKey, cancellationToken);
                    }
                }
            }
        }

        return stale.Count(r => r.RowKey.StartsWith("t|", StringComparison.Ordinal));
    }

    private async Task<ResultPage<AuditRecord>> PageAsync(string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var page = await TableQueries.PageAsync(_calls, _table, filter, pageSize, continuationToken, cancellationToken);
        return new ResultPage<AuditRecord>([.. page.Items.Select(FromEntity)], page.ContinuationToken);
    }

    private static IEnumerable<TableEntity> Rows(AuditRecord record, string id)
    {
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - record.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        yield return Entity(record, $"t|{newestFirst}|{id}");
        if (record.ProfileId is not null)
        {
            yield return Entity(record, $"p|{record.ProfileId}|{newestFirst}|{id}");
        }
    }

    private static TableEntity Entity(AuditRecord record, string rowKey) => new(record.Actor, rowKey)
    {
        ["At"] = record.At,
        ["Day"] = DayOf(record.At),
        ["Operation"] = record.Operation,
        ["Route"] = record.Route,
        ["ProfileId"] = record.ProfileId,
        ["Outcome"] = record.Outcome,
    };

    private static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static AuditRecord FromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        entity.PartitionKey,
        entity.GetString("Operation") ?? "",
        entity.GetString("Route") ?? "",
        entity.GetString("ProfileId"),
        entity.GetInt32("Outcome") ?? 0);

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await _calls.RunAsync(async token => { await _table.CreateIfNotExistsAsync(token); }, cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }
}
