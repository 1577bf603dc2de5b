using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Openings;

/// <summary>
/// Openings, partitioned by country (loading a country's candidates is one partition), with a
/// reference row per (publisher, external reference) that finds the opening again when it is
/// re-published. Every write is logged in <see cref="OpeningChangeLog"/> for the other app instances,
/// and returns what it changed, for <see cref="IndexSynchronizer.Apply"/> to bring this instance's index in step.
/// </summary>
public sealed class OpeningStore(Tables tables, StorageCalls calls, TimeProvider time, OpeningChangeLog changes)
{
    /// <summary>Upserts valid openings of one publisher; outcomes in request order.</summary>
    public async Task<OpeningWrite<IReadOnlyList<UpsertOutcome>>> UpsertAsync(string publisherId, IReadOnlyList<Opening> openings, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var items = openings.Select((o, i) => (Index: i, Opening: o, Ref: OpeningIds.RefKey(publisherId, o.ExternalRef), Id: OpeningIds.For(publisherId, o.ExternalRef, o.Location.Country)))
            .GroupBy(x => x.Ref).Select(g => g.Last()).ToList();
        var created = new HashSet<string>(StringComparer.Ordinal);
        var moved = new List<string>();
        var listings = new List<OpeningListing>();
        foreach (var chunk in items.Chunk(Batches.MaxEntities))
        {
            var refs = chunk.Select(x => new TableEntity(publisherId, x.Ref) { ["CurrentId"] = x.Id, ["UpdatedAt"] = now }).ToList();
            var previous = await AddReferencesAsync(publisherId, refs, cancellationToken);
            foreach (var country in chunk.GroupBy(x => x.Opening.Location.Country))
            {
                // A merge keeps the filled count of an opening published before, and the time it last
                // changed when it comes again unchanged (so a digest does not offer it as new).
                var existing = previous is null ? [] : await ExistingAsync(country.Key, country.Select(x => x.Id), cancellationToken);
                var written = country.Select(x =>
                {
                    var json = JsonSerializer.Serialize(x.Opening, ReintegrationJsonContext.Default.Opening);
                    var hash = ContentHash(json);
                    var old = existing.GetValueOrDefault(x.Id);
                    var changedAt = old.Hash == hash ? old.ChangedAt : now;
                    return (Entity: ToEntity(publisherId, x.Id, x.Opening.Location.Country, x.Opening.Isco, json, hash, changedAt, now),
                        Listing: new OpeningListing(x.Id, x.Opening, old.Filled) { ChangedAt = changedAt });
                }).ToList();
                foreach (var batch in Batches.Chunk(written.Select(w => w.Entity), e => e))
                {
                    await calls.RunAsync(async token => { await tables.Openings.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e)), token); }, cancellationToken);
                }

                listings.AddRange(written.Select(w => w.Listing));
            }

            if (previous is null)
            {
                created.UnionWith(chunk.Select(x => x.Ref));
                continue;
            }

            await calls.RunAsync(async token => { await tables.OpeningRefs.SubmitTransactionAsync(refs.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token); }, cancellationToken);
            created.UnionWith(chunk.Where(x => !previous.ContainsKey(x.Ref)).Select(x => x.Ref));
            moved.AddRange(chunk.Where(x => previous.TryGetValue(x.Ref, out var old) && old != x.Id).Select(x => previous[x.Ref]));
        }

        foreach (var oldId in moved)
        {
            await MarkClosedAsync(oldId, cancellationToken);
        }

        var logged = await changes.RecordAsync(listings.Select(l => l.Id).Concat(moved), cancellationToken);

        var kept = items.ToDictionary(x => x.Ref, x => x.Index, StringComparer.Ordinal);
        var outcomes = openings.Select((o, i) =>
        {
            var key = OpeningIds.RefKey(publisherId, o.ExternalRef);
            return new UpsertOutcome(i, OpeningIds.For(publisherId, o.ExternalRef, o.Location.Country), o.ExternalRef, created.Contains(key) && kept[key] == i);
        }).ToList();
        return new(outcomes, new OpeningChanges(listings, moved) { Logged = logged });
    }

    /// <summary>Adds the reference rows; null when all were new, else the current id of each that existed.</summary>
    private async Task<Dictionary<string, string>?> AddReferencesAsync(string publisherId, List<TableEntity> refs, CancellationToken cancellationToken)
    {
        try
        {
            await calls.RunAsync(async token => { await tables.OpeningRefs.SubmitTransactionAsync(refs.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), token); }, cancellationToken);
            return null;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var existing = await TableQueries.FindManyAsync(calls, tables.OpeningRefs, publisherId, refs.Select(r => r.RowKey), ["CurrentId"], cancellationToken);
            return existing.ToDictionary(x => x.Key, x => x.Value.GetString("CurrentId"), StringComparer.Ordinal);
        }
    }

    public async Task<StoredOpening?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!OpeningIds.TryParse(id, out var country))
        {
            return null;
        }

        await tables.EnsureCreatedAsync(cancellationToken);
        return await TableQueries.FindAsync(calls, tables.Openings, country, id, cancellationToken) is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>The openings with these ids that exist, read a partition (country) at a time.</summary>
    public async Task<IReadOnlyDictionary<string, StoredOpening>> GetManyAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var found = new Dictionary<string, StoredOpening>(StringComparer.Ordinal);
        foreach (var country in ids.Select(id => (Id: id, Ok: OpeningIds.TryParse(id, out var c), Country: c)).Where(x => x.Ok).GroupBy(x => x.Country))
        {
            foreach (var (id, entity) in await TableQueries.FindManyAsync(calls, tables.Openings, country.Key, country.Select(x => x.Id), JsonColumns.Names.Concat(EntityColumns), cancellationToken))
            {
                found[id] = FromEntity(entity);
            }
        }

        return found;
    }

    /// <summary>Open openings, optionally of one country and one ISCO unit group, a page at a time.</summary>
    public async Task<ResultPage<StoredOpening>> ListAsync(string? country, string? isco, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = "Closed eq false";
        if (country is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"PartitionKey eq {country}");
        }

        if (isco is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Isco eq {isco}");
        }

        var page = await TableQueries.PageAsync(calls, tables.Openings, filter, pageSize, continuationToken, cancellationToken);
        return new ResultPage<StoredOpening>(page.Items.Select(FromEntity).ToList(), page.ContinuationToken);
    }

    /// <summary>
    /// Every open opening (to load an index), read over <see cref="RangesAtOnce"/> key ranges at once and parsed
    /// as they come: a scan of one range after another waits for each page in turn, and parses on one core.
    /// </summary>
    public async IAsyncEnumerable<StoredOpening> AllOpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var found = Channel.CreateBounded<StoredOpening>(new BoundedChannelOptions(4 * TableQueries.PageSize) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = RangesAtOnce, CancellationToken = stop.Token };
        var scans = Parallel.ForEachAsync(PartitionRanges(), parallel, async (range, token) =>
            {
                var open = range + " and Closed eq false";
                await foreach (var entity in TableQueries.AllAsync(calls, tables.Openings, open, ScanColumns, token))
                {
                    await found.Writer.WriteAsync(FromEntity(entity), token);
                }
            });
        _ = scans.ContinueWith(t => found.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            await foreach (var opening in found.Reader.ReadAllAsync(cancellationToken))
            {
                yield return opening;
            }

            // A range that failed ends the reading with its exception; here the others are surely done too.
            await scans;
        }
        finally
        {
            // A caller that stops early (or fails) stops the ranges still reading.
            await stop.CancelAsync();
            await Task.WhenAny(scans);
        }
    }

    /// <summary>How many key ranges a scan reads at once.</summary>
    private const int RangesAtOnce = 8;

    /// <summary>
    /// Ranges of partition keys (countries) that together hold every key exactly once: one per first letter,
    /// with the first open below and the last open above, so that no key is missed whatever it is.
    /// </summary>
    private static IEnumerable<string> PartitionRanges()
    {
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            var from = letter == 'A' ? null : letter.ToString();
            var to = letter == 'Z' ? null : ((char)(letter + 1)).ToString();
            yield return (from, to) switch
            {
                (null, _) => TableClient.CreateQueryFilter($"PartitionKey lt {to}"),
                (_, null) => TableClient.CreateQueryFilter($"PartitionKey ge {from}"),
                _ => TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"),
            };
        }
    }

    /// <summary>Closes an opening: it is kept (placements refer to it) but matched no more.</summary>
    public async Task<OpeningWrite<CloseOutcome>> CloseAsync(string id, string? publisherId, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { } opening)
        {
            return new(CloseOutcome.NotFound, OpeningChanges.None);
        }

        if (publisherId is not null && opening.PublisherId != publisherId)
        {
            return new(CloseOutcome.NotPublisher, OpeningChanges.None);
        }

        await MarkClosedAsync(id, cancellationToken);
        await changes.RecordAsync([id], cancellationToken);
        return new(CloseOutcome.Closed, new([], [id]));
    }

    private async Task MarkClosedAsync(string id, CancellationToken cancellationToken)
    {
        OpeningIds.TryParse(id, out var country);
        var closed = new TableEntity(country, id) { ["Closed"] = true, ["UpdatedAt"] = time.GetUtcNow() };
        await calls.RunAsync(token => new ValueTask<Response>(tables.Openings.UpsertEntityAsync(closed, TableUpdateMode.Merge, token)), cancellationToken);
    }

    private async Task<Dictionary<string, (int Filled, string? Hash, DateTimeOffset ChangedAt)>> ExistingAsync(string country, IEnumerable<string> ids, CancellationToken cancellationToken) =>
        (await TableQueries.FindManyAsync(calls, tables.Openings, country, ids, ["Filled", "ContentHash", "ChangedAt"], cancellationToken))
            .ToDictionary(x => x.Key, x => (x.Value.GetInt32("Filled") ?? 0, (string?)x.Value.GetString("ContentHash"), x.Value.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue), StringComparer.Ordinal);

    private static string ContentHash(string json) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))[..16]);

    /// <summary>The properties the store reads back besides the document (queries that select columns ask for these).</summary>
    private static readonly string[] EntityColumns = ["PublisherId", "Filled", "Closed", "UpdatedAt", "ChangedAt"];

    /// <summary>What a scan reads: the key, the document and the properties above (not the hash and ISCO code).</summary>
    private static readonly string[] ScanColumns = [.. JsonColumns.Names, .. EntityColumns, "RowKey"];

    private static TableEntity ToEntity(string publisherId, string id, string country, string isco, string json, string hash, DateTimeOffset changedAt, DateTimeOffset now)
    {
        var entity = new TableEntity(country, id)
        {
            ["PublisherId"] = publisherId,
            ["Isco"] = isco,
            ["Closed"] = false,
            ["ContentHash"] = hash,
            ["ChangedAt"] = changedAt,
            ["UpdatedAt"] = now,
        };
        JsonColumns.Write(entity, json);
        return entity;
    }

    internal static StoredOpening FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("PublisherId"),
        JsonSerializer.Deserialize(JsonColumns.Read(entity), ReintegrationJsonContext.Default.Opening)!,
        entity.GetInt32("Filled") ?? 0,
        entity.GetBoolean("Closed") ?? false,
        entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        entity.ETag)
    {
        ChangedAt = entity.GetDateTimeOffset("ChangedAt") ?? entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}

public enum CloseOutcome
{
    Closed,
    NotFound,
    NotPublisher,
}
