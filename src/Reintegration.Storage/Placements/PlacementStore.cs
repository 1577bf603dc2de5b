using Azure.Data.Tables;
using Reintegration.Domain;
using Reintegration.Storage.Infrastructure;

namespace Reintegration.Storage.Placements;

/// <summary>
/// Placements, partitioned by centre and keyed "{profile id}|{time}|{outcome}|{opening id}", so that
/// a person's placements are one key range (for erasure). A hire is recorded under a key without the
/// time, so recording the same hire twice writes one row.
/// </summary>
public sealed class PlacementStore(Tables tables, StorageCalls calls, TimeProvider time)
{
    public async Task<Placement> RecordAsync(string centreId, string profileId, string openingId, PlacementOutcome outcome, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var now = time.GetUtcNow();
        var key = outcome == PlacementOutcome.Hired
            ? $"{profileId}|hired|{openingId}"
            : $"{profileId}|{now.UtcTicks:D19}|{outcome.ToString().ToLowerInvariant()}|{openingId}";
        var entity = new TableEntity(centreId, key)
        {
            ["ProfileId"] = profileId,
            ["OpeningId"] = openingId,
            ["Outcome"] = outcome.ToString(),
            ["RecordedAt"] = now,
        };
        await calls.RunAsync(async token => { await tables.Placements.UpsertEntityAsync(entity, TableUpdateMode.Replace, token); }, cancellationToken);
        return FromEntity(entity);
    }

    /// <summary>Every placement of a person, oldest first.</summary>
    public async Task<IReadOnlyList<Placement>> ForProfileAsync(string centreId, string profileId, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var filter = TableQueries.KeysUnder(centreId, profileId);
        var placements = new List<Placement>();
        await foreach (var entity in TableQueries.AllAsync(calls, tables.Placements, filter, null, cancellationToken))
        {
            placements.Add(FromEntity(entity));
        }

        return placements;
    }

    internal Task DeleteAsync(Placement placement, CancellationToken cancellationToken) =>
        TableQueries.DeleteAsync(calls, tables.Placements, placement.CentreId, placement.Id, cancellationToken);

    private static Placement FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.PartitionKey,
        entity.GetString("ProfileId"),
        entity.GetString("OpeningId"),
        Enum.Parse<PlacementOutcome>(entity.GetString("Outcome")),
        entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue);
}
