using Azure.Data.Tables;

namespace Reintegration.Storage.Infrastructure;

/// <summary>Table Storage transactions: one partition, at most 100 entities, a payload under 4 MiB.</summary>
internal static class Batches
{
    public const int MaxEntities = 100;

    // Well under the 4 MiB payload limit, leaving room for the multipart envelope.
    private const int MaxPayloadChars = 1_500_000;

    /// <summary>Splits entities of one partition into transactions that respect every limit.</summary>
    public static IEnumerable<List<T>> Chunk<T>(IEnumerable<T> items, Func<T, ITableEntity> entityOf)
    {
        var chunk = new List<T>();
        var size = 0;
        foreach (var item in items)
        {
            var itemSize = SizeOf(entityOf(item));
            if (chunk.Count == MaxEntities || chunk.Count > 0 && size + itemSize > MaxPayloadChars)
            {
                yield return chunk;
                chunk = [];
                size = 0;
            }

            chunk.Add(item);
            size += itemSize;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private static int SizeOf(ITableEntity entity) =>
        entity is TableEntity table ? table.Sum(p => p.Key.Length + (p.Value is string s ? s.Length : 16)) : 1024;
}
