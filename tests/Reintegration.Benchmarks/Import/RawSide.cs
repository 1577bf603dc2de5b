using System.Text.Json;
using Azure.Data.Tables;
using Reintegration.Storage.Profiles;

namespace Reintegration.Benchmarks.Import;

/// <summary>Which properties a raw entity has besides its keys.</summary>
internal enum RawShape
{
    /// <summary>The profile's JSON in one string property, nothing else.</summary>
    Json,

    /// <summary>The properties the layer writes: UpdatedAt (a date), JsonParts and the JSON as Json0.</summary>
    Layer,
}

/// <summary>A profile as the raw side stores it: the layer's partition and row key, its status, and the same JSON.</summary>
internal sealed record RawRow(string PartitionKey, string RowKey, string Json);

/// <summary>
/// The baseline: the same profiles as entities of the same size (partition = the centre's id, row key =
/// the profile's 32-hex id as the layer derives it, the profile's JSON in a string property), serialized
/// before the clock starts and written with <see cref="TableClient.SubmitTransactionAsync"/> in Add
/// transactions of <see cref="TransactionSize"/>, <c>parallel</c> transactions at a time, through a
/// <see cref="TableClient"/> with default options, into a table of its own.
/// </summary>
internal sealed class RawSide
{
    public const int TransactionSize = 100;

    /// <summary>The UpdatedAt of <see cref="RawShape.Layer"/> entities: fixed, as the data's today is.</summary>
    private static readonly DateTimeOffset UpdatedAt = new(ImportSettings.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private readonly TableClient _table;

    private RawSide(TableClient table) => _table = table;

    /// <summary>Serializes every profile of the workload, in request order, each request cut into transactions.</summary>
    public static List<RawRow[]> Rows(ImportWorkload workload) =>
        workload.Requests
            .SelectMany(r => r.Profiles
                .Select(p => new RawRow(r.CentreId, ProfileStore.IdFor(r.CentreId, p.ExternalRef), JsonSerializer.Serialize(p, ReintegrationJsonContext.Default.Profile)))
                .Chunk(TransactionSize))
            .ToList();

    /// <summary>Fresh entities for one run (the client is given new objects every time, as the layer builds its own).</summary>
    public static List<TableTransactionAction[]> Transactions(IEnumerable<RawRow[]> rows, RawShape shape) =>
        rows.Select(batch => batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, Entity(row, shape))).ToArray()).ToList();

    /// <summary>A client for <paramref name="tableName"/>, created from the connection string with default options; the table is created before this returns.</summary>
    public static async Task<RawSide> CreateAsync(string connectionString, string tableName, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return new RawSide(table);
    }

    /// <summary>Submits the transactions, <paramref name="parallel"/> at a time; returns how many entities they held.</summary>
    public async Task<int> ImportAsync(IReadOnlyList<TableTransactionAction[]> transactions, int parallel, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (transaction, token) => await _table.SubmitTransactionAsync(transaction, token));
        return transactions.Sum(t => t.Length);
    }

    /// <summary>How many entities the partitions hold (row keys only).</summary>
    public async Task<long> CountAsync(IEnumerable<string> partitionKeys, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var partitionKey in partitionKeys)
        {
            await foreach (var _ in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), 1000, ["RowKey"], cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Deletes the side's table, so that Azurite's memory does not grow round after round.</summary>
    public async Task DeleteTableAsync(CancellationToken cancellationToken) => await _table.DeleteAsync(cancellationToken);

    private static TableEntity Entity(RawRow row, RawShape shape) => shape == RawShape.Json
        ? new TableEntity(row.PartitionKey, row.RowKey) { ["Json"] = row.Json }
        : new TableEntity(row.PartitionKey, row.RowKey) { ["UpdatedAt"] = UpdatedAt, ["JsonParts"] = 1, ["Json0"] = row.Json };
}
