using Azure;
using Azure.Data.Tables;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Reads shared by the stores: pages that skip Table Storage's empty pages, and key lookups.</summary>
internal static class TableQueries
{
    /// <summary>The most entities Table Storage answers in one page.</summary>
    public const int PageSize = 1000;

    /// <summary>Table Storage's filters hold at most 15 comparisons; key lookups go in groups this size.</summary>
    private const int KeysPerQuery = 14;

    /// <summary>
    /// One page of up to <paramref name="pageSize"/> entities. Table Storage may answer a page with no
    /// entities but a token (a partition boundary, a timeout): such pages are followed, so a client gets
    /// items or the end, never an empty page that still says "more".
    /// </summary>
    public static async Task<ResultPage<TableEntity>> PageAsync(
        StorageCalls calls, TableClient table, string? filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        // Table Storage's own token: the API layer seals it before a client sees it, and opens it again.
        var tableToken = continuationToken;
        for (var emptyPages = 0; ; emptyPages++)
        {
            var page = await calls.RunAsync(async token =>
            {
                await foreach (var p in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: token).AsPages(tableToken, pageSize).WithCancellation(token))
                {
                    return p;
                }

                return null;
            }, cancellationToken);
            if (page is null)
            {
                return new ResultPage<TableEntity>([], null);
            }

            if (page.Values.Count > 0 || page.ContinuationToken is null || emptyPages >= 20)
            {
                return new ResultPage<TableEntity>(page.Values.ToList(), page.ContinuationToken);
            }

            tableToken = page.ContinuationToken;
        }
    }

    /// <summary>Every entity a filter selects, page after page.</summary>
    public static async IAsyncEnumerable<TableEntity> AllAsync(
        StorageCalls calls, TableClient table, string? filter, IEnumerable<string>? select,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        var columns = select?.ToList();
        do
        {
            var page = await calls.RunAsync(async t =>
            {
                var pages = table.QueryAsync<TableEntity>(filter, PageSize, columns, t).AsPages(token, PageSize);
                await foreach (var p in pages.WithCancellation(t))
                {
                    return p;
                }

                return null;
            }, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            foreach (var entity in page.Values)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>
    /// The rows of a partition whose keys start with "<paramref name="segment"/>|": '|' sorts just before
    /// '}', so the range [segment|, segment}) is exactly those keys.
    /// </summary>
    public static string KeysUnder(string partitionKey, string segment) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {segment + "|"} and RowKey lt {segment + "}"}");

    /// <summary>The entities of the partition with these row keys (those that exist), with the selected columns.</summary>
    public static async Task<Dictionary<string, TableEntity>> FindManyAsync(
        StorageCalls calls, TableClient table, string partitionKey, IEnumerable<string> rowKeys, IEnumerable<string> select, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var columns = select.Append("RowKey").ToList();
        foreach (var group in rowKeys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + " and ("
                + string.Join(" or ", group.Select(key => TableClient.CreateQueryFilter($"RowKey eq {key}"))) + ")";
            await foreach (var entity in AllAsync(calls, table, filter, columns, cancellationToken))
            {
                found[entity.RowKey] = entity;
            }
        }

        return found;
    }

    public static Task<TableEntity?> FindAsync(StorageCalls calls, TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        calls.RunAsync(async token =>
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: token);
            return response.HasValue ? response.Value : null;
        }, cancellationToken);

    /// <summary>Deletes, treating "already gone" as done (a re-sent erasure must not fail).</summary>
    public static Task DeleteAsync(StorageCalls calls, TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        calls.RunAsync(async token =>
        {
            try
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, token);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
            }
        }, cancellationToken);
}
