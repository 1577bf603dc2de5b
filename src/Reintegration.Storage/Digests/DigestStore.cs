using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reintegration.Digests;
using Reintegration.Storage.Infrastructure;
using Reintegration.Storage.Profiles;

namespace Reintegration.Storage.Digests;

/// <summary>
/// Digests, partitioned by centre: a header row per week ("2026-W48", written last, so a digest
/// without its header is unfinished) and an entry row per person ("2026-W48|{profile id}"). A run
/// marker per week fixes the time the week's run first started, so that a rerun writes the very
/// same digest. Entries are erased with the profile they are about.
/// </summary>
public sealed class DigestStore(Tables tables, StorageCalls calls, TimeProvider time) : IProfileDerivedData
{
    private const string RunPartition = "run";

    /// <summary>When this week's run first started: now, for the first run; the recorded time for every later one.</summary>
    public async Task<DateTimeOffset> RunStartedAtAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var marker = new TableEntity(RunPartition, week.ToString()) { ["StartedAt"] = time.GetUtcNow() };
        try
        {
            await calls.RunAsync(async token => { await tables.Digests.AddEntityAsync(marker, token); }, cancellationToken);
            return marker.GetDateTimeOffset("StartedAt")!.Value;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await TableQueries.FindAsync(calls, tables.Digests, RunPartition, week.ToString(), cancellationToken);
            return existing!.GetDateTimeOffset("StartedAt")!.Value;
        }
    }

    public async Task<bool> ExistsAsync(string centreId, IsoWeek week, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        return await TableQueries.FindAsync(calls, tables.Digests, centreId, week.ToString(), cancellationToken) is not null;
    }

    /// <summary>Writes the entries, then the header: a digest is visible only once whole.</summary>
    public async Task SaveAsync(Digest digest, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var rows = digest.Entries.Select(entry =>
        {
            var row = new TableEntity(digest.CentreId, $"{digest.Week}|{entry.ProfileId}") { ["ProfileId"] = entry.ProfileId };
            JsonColumns.Write(row, JsonSerializer.Serialize(entry, ReintegrationJsonContext.Default.DigestEntry));
            return row;
        }).ToList();
        foreach (var batch in Batches.Chunk(rows, r => r))
        {
            await calls.RunAsync(async token => { await tables.Digests.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token); }, cancellationToken);
        }

        var header = new TableEntity(digest.CentreId, digest.Week) { ["GeneratedAt"] = digest.GeneratedAt, ["IsHeader"] = true };
        await calls.RunAsync(async token => { await tables.Digests.UpsertEntityAsync(header, TableUpdateMode.Replace, token); }, cancellationToken);
    }

    /// <summary>The centre's digest of that week, or null when it has none (or it is unfinished).</summary>
    public async Task<Digest?> GetAsync(string centreId, IsoWeek week, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var name = week.ToString();
        if (await TableQueries.FindAsync(calls, tables.Digests, centreId, name, cancellationToken) is not { } header)
        {
            return null;
        }

        var filter = TableQueries.KeysUnder(centreId, name);
        var entries = new List<DigestEntry>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.Digests, filter, null, cancellationToken))
        {
            entries.Add(JsonSerializer.Deserialize(JsonColumns.Read(row), ReintegrationJsonContext.Default.DigestEntry)!);
        }

        return new Digest(centreId, name, header.GetDateTimeOffset("GeneratedAt") ?? DateTimeOffset.MinValue, entries);
    }

    /// <summary>The weeks the centre has finished digests for, newest first.</summary>
    public async Task<IReadOnlyList<IsoWeek>> WeeksAsync(string centreId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {centreId} and IsHeader eq {true}");
        var weeks = new List<IsoWeek>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.Digests, filter, ["RowKey"], cancellationToken))
        {
            if (IsoWeek.TryParse(row.RowKey, out var week))
            {
                weeks.Add(week);
            }
        }

        return weeks.OrderDescending().ToList();
    }

    /// <summary>The latest finished digest before <paramref name="week"/>, or null.</summary>
    public async Task<Digest?> PreviousAsync(string centreId, IsoWeek week, CancellationToken cancellationToken) =>
        (await WeeksAsync(centreId, cancellationToken)).Where(w => w.CompareTo(week) < 0).Select(w => (IsoWeek?)w).FirstOrDefault() is { } previous
            ? await GetAsync(centreId, previous, cancellationToken)
            : null;

    /// <summary>Every stored digest entry that names the person, with its week, oldest week first.</summary>
    public async Task<IReadOnlyList<(string Week, DigestEntry Entry)>> EntriesForAsync(string centreId, string profileId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var entries = new List<(string Week, DigestEntry Entry)>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.Digests, ProfileRows(centreId, profileId), null, cancellationToken))
        {
            entries.Add((row.RowKey.Split('|')[0], JsonSerializer.Deserialize(JsonColumns.Read(row), ReintegrationJsonContext.Default.DigestEntry)!));
        }

        return entries;
    }

    public async Task EraseAsync(string centreId, string profileId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in TableQueries.AllAsync(calls, tables.Digests, ProfileRows(centreId, profileId), ["PartitionKey", "RowKey"], cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            await TableQueries.DeleteAsync(calls, tables.Digests, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    private static string ProfileRows(string centreId, string profileId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {centreId} and ProfileId eq {profileId}");
}
