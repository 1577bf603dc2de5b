using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Reintegration.Domain;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Centres;

/// <summary>
/// Employment centres and their API keys (see <see cref="CentreKeys"/>), in one partition: a row per
/// centre, and a row per (country, name) that keeps two centres of a country from sharing a name — the
/// two are written in one transaction, so a name is never taken by a half-registered centre.
/// </summary>
public sealed class CentreStore(Tables tables, StorageCalls calls, TimeProvider time, IOptions<CentreOptions> options)
{
    private const string Partition = "centre";

    // Name rows sort after every centre id (ids are lower-case hex, below 'n').
    private const string NameSegment = "name";

    private static readonly string CentresOnly =
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {NameSegment + "|"}");

    // Authentication runs on every request: a centre, once read, is trusted for a while; so is an id
    // found unknown, so that a wrong key costs the same whatever its id.
    private readonly ConcurrentDictionary<string, (TableEntity? Entity, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<(CentreWriteOutcome Outcome, Centre? Centre, string? ApiKey)> CreateAsync(
        string name, string country, string? region, string? webhookUrl, string language, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var id = StableIds.NewId();
        var (key, hash) = CentreKeys.New(id);
        var entity = new TableEntity(Partition, id)
        {
            ["Name"] = name,
            ["Country"] = country,
            ["Region"] = region,
            ["WebhookUrl"] = webhookUrl,
            ["Language"] = language,
            ["KeyHash"] = hash,
            ["CreatedAt"] = time.GetUtcNow(),
        };
        try
        {
            await calls.RunAsync(async token => { await tables.Centres.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, entity), new(TableTransactionActionType.Add, NameRow(country, name, id))], token); }, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // The id is new, so if the centre's row is there, it is this very write, retried after its answer was lost.
            var stored = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
            if (stored?.GetBinary("KeyHash") is not { } storedHash || !CentreKeys.Matches(storedHash, hash))
            {
                return (CentreWriteOutcome.DuplicateName, null, null);
            }
        }

        Remember(entity);
        return (CentreWriteOutcome.Done, FromEntity(entity), key);
    }

    /// <summary>The centre, as this instance last read it (at most <see cref="CentreOptions.CacheFor"/> ago).</summary>
    public async Task<Centre?> GetAsync(string id, CancellationToken cancellationToken) =>
        StableIds.IsId(id) && await ReadAsync(id, cancellationToken) is { } entity ? FromEntity(entity) : null;

    /// <summary>The centre an API key belongs to, or null for any key that is not a current centre key.</summary>
    public async Task<Centre?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!CentreKeys.TryRead(apiKey, out var id, out var hash) || !StableIds.IsId(id)
            || await ReadAsync(id, cancellationToken) is not { } entity || entity.GetBinary("KeyHash") is not { } stored)
        {
            return null;
        }

        return CentreKeys.Matches(stored, hash) ? FromEntity(entity) : null;
    }

    public async Task<IReadOnlyList<Centre>> AllAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var centres = new List<Centre>();
        await foreach (var entity in TableQueries.AllAsync(calls, tables.Centres, CentresOnly, null, cancellationToken))
        {
            centres.Add(FromEntity(entity));
        }

        return centres;
    }

    /// <summary>The centres, a page at a time, in id order.</summary>
    public async Task<ResultPage<Centre>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var page = await TableQueries.PageAsync(calls, tables.Centres, CentresOnly, pageSize, continuationToken, cancellationToken);
        return new ResultPage<Centre>(page.Items.Select(FromEntity).ToList(), page.ContinuationToken);
    }

    /// <summary>
    /// Applies the changes to the centre as it is now (read again, not from the cache), moving its name row
    /// in the same transaction when the name changes; retried when another change came first.
    /// </summary>
    public async Task<(CentreWriteOutcome Outcome, Centre? Centre)> UpdateAsync(string id, CentreChanges changes, CancellationToken cancellationToken)
    {
        if (!StableIds.IsId(id))
        {
            return (CentreWriteOutcome.NotFound, null);
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken) is not { } current)
            {
                _cache[id] = (null, time.GetUtcNow() + options.Value.CacheFor);
                return (CentreWriteOutcome.NotFound, null);
            }

            var updated = Apply(current, changes);
            var country = current.GetString("Country");
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, updated, current.ETag) };
            var oldName = NameKey(country, current.GetString("Name"));
            var newName = NameKey(country, updated.GetString("Name"));
            if (oldName != newName)
            {
                actions.Add(new(TableTransactionActionType.Add, NameRow(country, updated.GetString("Name"), id)));
                if (await TableQueries.FindAsync(calls, tables.Centres, Partition, oldName, cancellationToken) is { } oldRow && oldRow.GetString("CentreId") == id)
                {
                    actions.Add(new(TableTransactionActionType.Delete, oldRow, oldRow.ETag));
                }
            }

            try
            {
                await calls.RunAsync(async token => { await tables.Centres.SubmitTransactionAsync(actions, token); }, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404 && attempt < 5)
            {
                // The new name taken by another centre is final; anything else is a change that came first: read again.
                if (e.Status == 409 && await TableQueries.FindAsync(calls, tables.Centres, Partition, newName, cancellationToken) is { } holder
                    && holder.GetString("CentreId") != id)
                {
                    return (CentreWriteOutcome.DuplicateName, null);
                }

                continue;
            }

            var stored = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
            if (stored is null)
            {
                return (CentreWriteOutcome.NotFound, null);
            }

            Remember(stored);
            return (CentreWriteOutcome.Done, FromEntity(stored));
        }
    }

    /// <summary>
    /// Issues a new key: the old one fails at once on this instance, and on every other within
    /// <see cref="CentreOptions.CacheFor"/>. Null when there is no such centre.
    /// </summary>
    public async Task<(Centre Centre, string ApiKey)?> RotateKeyAsync(string id, CancellationToken cancellationToken)
    {
        if (!StableIds.IsId(id))
        {
            return null;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        var (key, hash) = CentreKeys.New(id);
        try
        {
            await calls.RunAsync(async token => { await tables.Centres.UpdateEntityAsync(
                new TableEntity(Partition, id) { ["KeyHash"] = hash, ["KeyIssuedAt"] = time.GetUtcNow() }, ETag.All, TableUpdateMode.Merge, token); }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var stored = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        Remember(stored);
        return (FromEntity(stored), key);
    }

    private async Task<TableEntity?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return cached.Entity;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = await TableQueries.FindAsync(calls, tables.Centres, Partition, id, cancellationToken);
        _cache[id] = (entity, now + options.Value.CacheFor);
        return entity;
    }

    private void Remember(TableEntity entity) => _cache[entity.RowKey] = (entity, time.GetUtcNow() + options.Value.CacheFor);

    private static TableEntity Apply(TableEntity current, CentreChanges changes)
    {
        var updated = new TableEntity(current);
        updated["Name"] = changes.Name ?? current.GetString("Name");
        updated["Language"] = changes.Language ?? current.GetString("Language");
        updated["Region"] = changes.Clear.Contains("region") ? null : changes.Region ?? current.GetString("Region");
        updated["WebhookUrl"] = changes.Clear.Contains("webhookUrl") ? null : changes.WebhookUrl ?? current.GetString("WebhookUrl");
        updated["ProfileQuota"] = changes.Clear.Contains("profileQuota") ? null : changes.ProfileQuota ?? current.GetInt32("ProfileQuota");
        return updated;
    }

    /// <summary>
    /// The row that holds a name in a country: names compare without regard to case or runs of spaces,
    /// and are hashed, so that any name makes a valid row key.
    /// </summary>
    private static string NameKey(string country, string name)
    {
        var normal = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return $"{NameSegment}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(country + "\n" + normal))[..16])}";
    }

    private static TableEntity NameRow(string country, string name, string centreId) => new(Partition, NameKey(country, name)) { ["CentreId"] = centreId };

    private static Centre FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Name"),
        entity.GetString("Country"),
        entity.GetString("Region"),
        entity.GetString("WebhookUrl"),
        entity.GetString("Language"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue)
    {
        ProfileQuota = entity.GetInt32("ProfileQuota"),
    };
}
