using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Profiles;

/// <summary>
/// Profiles, one entity each, partitioned by centre and keyed by an id derived from the centre and the
/// external reference: upserting the same profile twice writes the same entity. A fresh import is one
/// transaction per hundred profiles; only when some already exist does it look them up to report
/// which were created.
/// </summary>
public sealed class ProfileStore(Tables tables, StorageCalls calls, TimeProvider time, ProfileCache recent, ProfileChangeLog changes)
{
    public static string IdFor(string centreId, string externalRef) => StableIds.Derive("profile:" + centreId, externalRef);

    /// <summary>Upserts valid profiles of one centre; outcomes in request order.</summary>
    public async Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(string centreId, IReadOnlyList<Profile> profiles, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        // Within one request the last copy of a reference wins, as if the items were sent one by one.
        var all = profiles.Select((p, i) => (Index: i, Entity: ToEntity(centreId, p, now))).ToList();
        var entities = all.GroupBy(x => x.Entity.RowKey).Select(g => g.Last()).ToList();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in Batches.Chunk(entities, x => x.Entity))
        {
            created.UnionWith(await WriteChunkAsync(centreId, chunk.Select(x => x.Entity).ToList(), cancellationToken));
        }

        var ids = entities.Select(e => e.Entity.RowKey).ToList();
        recent.Written(centreId, ids);
        recent.Logged(await changes.RecordAsync(centreId, ids, cancellationToken));

        var written = entities.ToDictionary(x => x.Entity.RowKey, x => x.Index, StringComparer.Ordinal);
        return all.Select(x => new UpsertOutcome(x.Index, x.Entity.RowKey, profiles[x.Index].ExternalRef, created.Contains(x.Entity.RowKey) && written[x.Entity.RowKey] == x.Index)).ToList();
    }

    /// <summary>Writes one transaction's worth; returns the ids it created.</summary>
    private async Task<IReadOnlyCollection<string>> WriteChunkAsync(string centreId, List<TableEntity> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await calls.RunAsync(async token => { await tables.Profiles.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token); }, cancellationToken);
            return chunk.Select(e => e.RowKey).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Some exist already: find which, then update them (keeping when they were created) and add the rest, in one transaction.
            var existing = await TableQueries.FindManyAsync(calls, tables.Profiles, centreId, chunk.Select(x => x.RowKey), [], cancellationToken);
            foreach (var entity in chunk.Where(x => existing.ContainsKey(x.RowKey)))
            {
                entity.Remove(CreatedAt);
            }

            await calls.RunAsync(async token => { await tables.Profiles.SubmitTransactionAsync(chunk.Select(x => new TableTransactionAction(TableTransactionActionType.UpsertMerge, x)), token); }, cancellationToken);
            return chunk.Select(x => x.RowKey).Where(id => !existing.ContainsKey(id)).ToList();
        }
    }

    public async Task<StoredProfile?> GetAsync(string centreId, string id, CancellationToken cancellationToken)
    {
        if (!StableIds.IsId(id))
        {
            return null;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        return await TableQueries.FindAsync(calls, tables.Profiles, centreId, id, cancellationToken) is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>
    /// The profile as this instance last read it, if no change to it has been logged since (checked
    /// within <see cref="ProfileCacheOptions.MaxStaleness"/>; this instance's own writes at once): what a
    /// match needs, without a storage read each time it is asked for.
    /// </summary>
    public async Task<StoredProfile?> GetRecentAsync(string centreId, string id, CancellationToken cancellationToken)
    {
        if (recent.TryGet(centreId, id, out var known))
        {
            return known;
        }

        var readAt = time.GetUtcNow();
        var profile = await GetAsync(centreId, id, cancellationToken);
        if (profile is not null)
        {
            recent.Keep(profile, readAt);
        }

        return profile;
    }

    /// <summary>
    /// Replaces a stored profile if it is still the version <paramref name="ifMatch"/> names
    /// (<see cref="ETag.All"/> for any). Null when there is no such profile; throws
    /// <see cref="ConcurrencyConflictException"/> when another writer changed it first.
    /// </summary>
    public async Task<StoredProfile?> ReplaceAsync(string centreId, string id, Profile profile, ETag ifMatch, CancellationToken cancellationToken)
    {
        if (!StableIds.IsId(id) || IdFor(centreId, profile.ExternalRef) != id)
        {
            return null;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        var entity = ToEntity(centreId, profile, time.GetUtcNow());
        // A merge keeps when the profile was created; the document's parts are counted, so no stale part is read.
        entity.Remove(CreatedAt);
        try
        {
            var response = await calls.RunAsync(token => new ValueTask<Response>(tables.Profiles.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Merge, token)), cancellationToken);
            recent.Written(centreId, [id]);
            recent.Logged(await changes.RecordAsync(centreId, [id], cancellationToken));
            return FromEntity(entity) with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 400)
        {
            // 400: an entity tag storage cannot even read, which no version can match.
            throw new ConcurrencyConflictException("The profile changed since it was read; read it again and re-send.");
        }
    }

    /// <summary>Deletes the profile entity itself; <see cref="ProfileErasure"/> erases what derives from it first.</summary>
    internal async Task DeleteAsync(string centreId, string id, CancellationToken cancellationToken)
    {
        await TableQueries.DeleteAsync(calls, tables.Profiles, centreId, id, cancellationToken);
        recent.Written(centreId, [id]);
        recent.Logged(await changes.RecordAsync(centreId, [id], cancellationToken));
    }

    public async Task<ResultPage<StoredProfile>> ListAsync(string centreId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var page = await TableQueries.PageAsync(calls, tables.Profiles, TableClient.CreateQueryFilter($"PartitionKey eq {centreId}"), pageSize, continuationToken, cancellationToken);
        return new ResultPage<StoredProfile>(page.Items.Select(FromEntity).ToList(), page.ContinuationToken);
    }

    /// <summary>The ids of every profile of a centre, read without their documents.</summary>
    public async Task<HashSet<string>> IdsAsync(string centreId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in TableQueries.AllAsync(calls, tables.Profiles, TableClient.CreateQueryFilter($"PartitionKey eq {centreId}"), ["RowKey"], cancellationToken))
        {
            ids.Add(entity.RowKey);
        }

        return ids;
    }

    /// <summary>Every profile of a centre (for digests).</summary>
    public async IAsyncEnumerable<StoredProfile> AllAsync(string centreId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await foreach (var entity in TableQueries.AllAsync(calls, tables.Profiles, TableClient.CreateQueryFilter($"PartitionKey eq {centreId}"), null, cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private const string CreatedAt = "CreatedAt";

    private static TableEntity ToEntity(string centreId, Profile profile, DateTimeOffset now)
    {
        var entity = new TableEntity(centreId, IdFor(centreId, profile.ExternalRef))
        {
            ["UpdatedAt"] = now,
            [CreatedAt] = now,
        };
        JsonColumns.Write(entity, JsonSerializer.Serialize(profile, ReintegrationJsonContext.Default.Profile));
        return entity;
    }

    private static StoredProfile FromEntity(TableEntity entity)
    {
        var updated = entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue;
        return new StoredProfile(
            entity.RowKey,
            entity.PartitionKey,
            JsonSerializer.Deserialize(JsonColumns.Read(entity), ReintegrationJsonContext.Default.Profile)!,
            updated,
            entity.ETag)
        {
            CreatedAt = entity.GetDateTimeOffset(CreatedAt) ?? updated,
        };
    }
}
